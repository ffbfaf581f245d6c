package com.ipmimonitor.fleet.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The key/value pairs of one server as either import format reads them, as text with their line, turned into a
 * {@link ServerSpec} by one set of rules so INI and JSON accept exactly the same values.
 */
final class ServerEntry {

    static final List<String> KEYS = List.of("bmc_ip", "port", "server_name", "server_ip", "enabled",
            "use_nvidia_password", "ipmi_user", "ipmi_pass", "cipher_suite", "notes", "protocol", "ca_bundle");
    /**
     * The original API's keys for SSH access (its /api/config/server), which it stored and never used: accepted
     * and type-checked on every way in, so scripts written for it are not refused, and then ignored.
     */
    static final List<String> LEGACY_KEYS = List.of("ssh_user", "ssh_key", "ssh_port");
    /** Spellings other tools and hand-written files use for the same fields. */
    private static final Map<String, String> ALIASES = Map.of("name", "server_name", "nvidia", "use_nvidia_password");

    private record Field(String text, int line) {
    }

    private final int line;
    private final String label;
    private final String defaultName;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final List<LineProblem> problems = new ArrayList<>();

    /**
     * @param label names the entry in messages that have no better line, e.g. "section [gpu-node-02]"
     * @param defaultName the name when no server_name is given (INI section name), or null for the BMC address
     */
    ServerEntry(int line, String label, String defaultName) {
        this.line = line;
        this.label = label;
        this.defaultName = defaultName;
    }

    /** The field a key stands for, or null when it is not one. */
    static String fieldOf(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return KEYS.contains(k) || LEGACY_KEYS.contains(k) ? k : ALIASES.get(k);
    }

    /** Adds a key as read; a null text is a key given without a value (JSON null) and counts as absent. */
    void put(String key, String text, int keyLine) {
        String field = fieldOf(key);
        if (field == null) {
            problem(keyLine, "unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            return;
        }
        Field first = fields.get(field);
        if (first != null) {
            problem(keyLine, "duplicate key '" + key + "' (" + field + " already set on line " + first.line() + ")");
            return;
        }
        fields.put(field, new Field(text, keyLine));
    }

    /** A key whose value could not be read: reported once, and not again as missing. */
    void reject(String key, int keyLine, String reason) {
        problem(keyLine, key + ": " + reason);
        String field = fieldOf(key);
        if (field != null) {
            fields.putIfAbsent(field, new Field(null, keyLine));
        }
    }

    /** Without a line (a JSON provider that gives none), the label is the only way to find the entry. */
    void problem(int problemLine, String message) {
        problems.add(new LineProblem(problemLine, problemLine > 0 || label == null ? message : label + ": " + message));
    }

    boolean hasKeys() {
        return !fields.isEmpty();
    }

    List<LineProblem> problems() {
        return problems;
    }

    /**
     * The fields as given, typed, without defaults and without checking their values (that is
     * {@link ServerInput}'s job, after defaults): empty when any has the wrong type, the reasons then in
     * {@link #problems()}. What PUT changes: only the fields present.
     */
    Optional<ServerFields> fields() {
        int before = problems.size();
        ServerFields given = typed();
        return problems.size() == before ? Optional.of(given) : Optional.empty();
    }

    /** The fields, with null for each one that has the wrong type (reported). */
    private ServerFields typed() {
        Integer port = number("port");
        Integer cipherSuite = number("cipher_suite");
        Boolean enabled = flag("enabled");
        Boolean nvidia = flag("use_nvidia_password");
        ServerFields given = new ServerFields(text("bmc_ip"), port, text("server_name"), text("server_ip"), enabled,
                nvidia, text("ipmi_user"), text("ipmi_pass"), cipherSuite, text("notes"), text("protocol"),
                text("ca_bundle"));
        for (String p : ServerInput.legacyProblems(text("ssh_user"), text("ssh_key"), number("ssh_port"))) {
            problem(lineOfProblem(p), p);
        }
        return given;
    }

    /** The server, or empty when any of its fields is wrong; the reasons are then in {@link #problems()}. */
    Optional<ServerSpec> build() {
        if (!fields.containsKey("bmc_ip")) {
            problem(line, label + " has no bmc_ip");
        }
        ServerFields f = typed(); // values of the right type are checked even when others are not
        String bmcIp = f.bmcIp();
        String name = f.serverName();
        if (name == null || name.isBlank()) {
            name = defaultName != null ? defaultName : bmcIp;
        }
        for (String p : ServerInput.problems(bmcIp, f.port(), name, f.serverIp())) {
            if (bmcIp != null || !p.startsWith("bmc_ip")) { // a missing or unreadable bmc_ip is reported already
                problem(lineOfProblem(p), p);
            }
        }
        for (String p : ServerInput.settingProblems(f.ipmiUser(), f.ipmiPass(), f.cipherSuite(), f.notes())) {
            problem(lineOfProblem(p), p);
        }
        for (String p : ServerInput.protocolProblems(f.protocol(), f.caBundle())) {
            problem(lineOfProblem(p), p);
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerSpec(bmcIp, f.port(), name, f.serverIp(), f.enabled() == null || f.enabled(),
                Boolean.TRUE.equals(f.useNvidiaPassword()), f.ipmiUser(), f.ipmiPass(), f.cipherSuite(), f.notes(),
                line, f.protocol(), f.caBundle()));
    }

    private String text(String field) {
        Field f = fields.get(field);
        return f == null ? null : f.text();
    }

    private int lineOf(String field) {
        Field f = fields.get(field);
        return f == null ? line : f.line();
    }

    /** ServerInput's messages start with the field they are about; point at that key's line. */
    private int lineOfProblem(String message) {
        return java.util.stream.Stream.concat(KEYS.stream(), LEGACY_KEYS.stream()).filter(message::startsWith)
                .findFirst().map(this::lineOf).orElse(line);
    }

    /** Digits only: "+1", "1e3" and "623.0" are typos in a port, not numbers to be guessed at. */
    private Integer number(String field) {
        String t = text(field);
        if (t == null) {
            return null;
        }
        if (!t.matches("\\d{1,9}")) {
            problem(lineOf(field), field + " must be a whole number, got " + ServerInput.shown(t));
            return null;
        }
        return Integer.valueOf(t);
    }

    /** Null when not given or not a flag (then reported). */
    private Boolean flag(String field) {
        String t = text(field);
        if (t == null) {
            return null;
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on":
                return true;
            case "false", "no", "0", "off":
                return false;
            default:
                problem(lineOf(field), field + " must be true/false, yes/no, 1/0 or on/off, got " + ServerInput.shown(t));
                return null;
        }
    }
}
