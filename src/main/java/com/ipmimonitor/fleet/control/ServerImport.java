package com.ipmimonitor.fleet.control;

import jakarta.json.stream.JsonParsingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a list of servers from an INI or JSON file and checks every entry, reporting every problem at once so an
 * operator fixes the file in one go. Whether a file with errors imports nothing or only its good entries, and
 * duplicates against servers already stored, are the caller's business.
 */
public final class ServerImport {

    private ServerImport() {
    }

    /**
     * @param format "ini", "json", or null/"auto" to tell them apart by the first character
     * @throws IllegalArgumentException for any other format: that is a caller's bug, not a problem of the file
     */
    public static ImportResult parse(String text, String format) {
        String f = format == null ? "auto" : format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "ini", "json").contains(f)) {
            throw new IllegalArgumentException("format must be ini, json or auto, got '" + format + "'");
        }
        if (text == null || text.isBlank()) {
            return new ImportResult(List.of(), List.of());
        }
        List<LineProblem> problems = new ArrayList<>();
        List<ServerEntry> entries;
        if (f.equals("json") || f.equals("auto") && looksLikeJson(text)) {
            try {
                entries = JsonServerReader.read(text, problems);
            } catch (JsonParsingException e) {
                return new ImportResult(List.of(), List.of(malformed(e)));
            }
        } else {
            entries = IniServerReader.read(text, problems);
        }
        List<ServerSpec> servers = new ArrayList<>();
        Map<String, Integer> firstLineOfBmc = new HashMap<>();
        for (ServerEntry entry : entries) {
            Optional<ServerSpec> spec = entry.build();
            problems.addAll(entry.problems());
            if (spec.isEmpty()) {
                continue;
            }
            ServerSpec s = spec.get();
            // host names are case-insensitive, so BMC01 and bmc01 are one BMC
            Integer first = firstLineOfBmc.putIfAbsent(s.bmcIp().toLowerCase(Locale.ROOT), s.line());
            if (first != null) {
                problems.add(new LineProblem(s.line(), "bmc_ip " + s.bmcIp() + " appears twice, on line " + first
                        + " and line " + s.line()));
            } else {
                servers.add(s);
            }
        }
        problems.sort(Comparator.comparingInt(LineProblem::line)); // stable: same-line problems keep their order
        return new ImportResult(servers, problems.stream().map(LineProblem::text).toList());
    }

    /**
     * JSON starts with '{' or '['. An INI file starts with '[' too ({@code [server-01]}), so '[' counts as JSON only
     * when '{' or ']' follows it: an array of server objects or an empty one, never a section name.
     */
    static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).stripLeading();
        }
        if (t.startsWith("{")) {
            return true;
        }
        if (!t.startsWith("[")) {
            return false;
        }
        String rest = t.substring(1).stripLeading();
        return rest.isEmpty() || rest.startsWith("{") || rest.startsWith("]");
    }

    private static String malformed(JsonParsingException e) {
        String message = String.valueOf(e.getMessage()).replaceAll(" at \\(line no=.*?\\)", "");
        if (e.getLocation() == null || e.getLocation().getLineNumber() < 1) {
            return "malformed JSON: " + message;
        }
        return "line " + e.getLocation().getLineNumber() + ": malformed JSON (column " + e.getLocation().getColumnNumber()
                + "): " + message;
    }
}
