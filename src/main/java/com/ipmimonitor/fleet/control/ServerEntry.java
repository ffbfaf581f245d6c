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
            "use_nvidia_password", "ipmi_user", "ipmi_pass", "cipher_suite", "notes");
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
        return KEYS.contains(k) ? k : ALIASES.get(k);
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
        problems.add(new LineProblem(problemLine, problemLine > 0 ? message : label + ": " + message));
    }

    boolean hasKeys() {
        return !fields.isEmpty();
    }

    List<LineProblem> problems() {
        return problems;
    }

    /** The server, or empty when any of its fields is wrong; the reasons are then in {@link #problems()}. */
    Optional<ServerSpec> build() {
        String bmcIp = text("bmc_ip");
        if (!fields.containsKey("bmc_ip")) {
            problem(line, label + " has no bmc_ip");
        }
        Integer port = number("port");
        Integer cipherSuite = number("cipher_suite");
        boolean enabled = flag("enabled", true);
        boolean nvidia = flag("use_nvidia_password", false);
        String name = text("server_name");
        if (name == null || name.isBlank()) {
            name = defaultName != null ? defaultName : bmcIp;
        }
        String serverIp = text("server_ip");
        for (String p : ServerInput.problems(bmcIp, port, name, serverIp)) {
            if (bmcIp != null || !p.startsWith("bmc_ip")) { // a missing or unreadable bmc_ip is reported already
                problem(lineOfProblem(p), p);
            }
        }
        for (String p : ServerInput.settingProblems(text("ipmi_user"), text("ipmi_pass"), cipherSuite, text("notes"))) {
            problem(lineOfProblem(p), p);
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerSpec(bmcIp, port, name, serverIp, enabled, nvidia, text("ipmi_user"),
                text("ipmi_pass"), cipherSuite, text("notes"), line));
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
        return KEYS.stream().filter(message::startsWith).findFirst().map(this::lineOf).orElse(line);
    }

    /** Digits only: "+1", "1e3" and "623.0" are typos in a port, not numbers to be guessed at. */
    private Integer number(String field) {
        String t = text(field);
        if (t == null) {
            return null;
        }
        if (!t.matches("\\d{1,9}")) {
            problem(lineOf(field), field + " must be a whole number, got '" + t + "'");
            return null;
        }
        return Integer.valueOf(t);
    }

    private boolean flag(String field, boolean absent) {
        String t = text(field);
        if (t == null) {
            return absent;
        }
        switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on":
                return true;
            case "false", "no", "0", "off":
                return false;
            default:
                problem(lineOf(field), field + " must be true/false, yes/no, 1/0 or on/off, got '" + t + "'");
                return absent;
        }
    }
}
