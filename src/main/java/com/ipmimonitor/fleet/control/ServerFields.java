package com.ipmimonitor.fleet.control;

import jakarta.json.stream.JsonParsingException;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one server as a JSON API call gives them, typed by the import's rules ({@link ServerEntry}: the
 * same keys, the same spellings of numbers and flags, unknown keys and arrays refused); null means "not given".
 * Their values are checked by {@link ServerInput} once defaults are known, as for every other way in.
 */
public record ServerFields(
        String bmcIp,
        Integer port,
        String serverName,
        String serverIp,
        Boolean enabled,
        Boolean useNvidiaPassword,
        String ipmiUser,
        String ipmiPass,
        Integer cipherSuite,
        String notes,
        String protocol,
        String caBundle) {

    public ServerFields(String bmcIp, Integer port, String serverName, String serverIp, Boolean enabled,
                        Boolean useNvidiaPassword, String ipmiUser, String ipmiPass, Integer cipherSuite,
                        String notes) {
        this(bmcIp, port, serverName, serverIp, enabled, useNvidiaPassword, ipmiUser, ipmiPass, cipherSuite, notes,
                null, null);
    }

    /** The fields, or the problems that say what to fix (each starting with the field it is about). */
    public record Read(Optional<ServerFields> fields, List<String> problems) {
    }

    /** Reads one JSON object; null or blank text is "no body". */
    public static Read fromJson(String text) {
        if (text == null || text.isBlank()) {
            return new Read(Optional.empty(), List.of("a JSON object with the server's fields is required"));
        }
        try {
            List<LineProblem> problems = new java.util.ArrayList<>();
            Optional<ServerEntry> entry = JsonServerReader.readOne(text, problems);
            Optional<ServerFields> fields = entry.flatMap(ServerEntry::fields);
            entry.ifPresent(e -> problems.addAll(e.problems()));
            return new Read(problems.isEmpty() ? fields : Optional.empty(),
                    problems.stream().map(LineProblem::message).toList());
        } catch (JsonParsingException e) {
            // not the parser's message: it may quote the body, which may hold a password
            return new Read(Optional.empty(), List.of(e.getLocation() == null ? "the body is not valid JSON"
                    : "the body is not valid JSON (line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + ")"));
        }
    }
}
