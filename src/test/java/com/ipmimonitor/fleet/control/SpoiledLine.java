package com.ipmimonitor.fleet.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exported server file with one key line made wrong in a way the importer must notice: a bad value for that key,
 * an unknown key, a repeated key or a line that is no key at all. {@code line} is where the error must point.
 */
record SpoiledLine(String text, int line, String how) {

    private static final Pattern INI_KEY = Pattern.compile("([a-z_]+) = .*");
    private static final Pattern JSON_KEY = Pattern.compile("(\\s*)\"([a-z_]+)\": (.*?)(,?)");
    private static final String TOO_LONG = "x".repeat(256);

    /** A bad value for each key, as INI text (JSON gets it as a string). */
    private static final Map<String, List<String>> BAD_VALUES = Map.of(
            "bmc_ip", List.of("not an address!", "999.1.1.1", "-bmc", ""),
            "port", List.of("0", "65536", "+1", "623.0", "x", "99999999999"),
            "server_name", List.of(TOO_LONG + TOO_LONG),
            "server_ip", List.of("bad_host!", "1.2.3.4.5"),
            "enabled", List.of("maybe", "2"),
            "use_nvidia_password", List.of("maybe", "-1"),
            "ipmi_user", List.of(TOO_LONG),
            "cipher_suite", List.of("18", "-1", "3.0"),
            "notes", List.of("\"unterminated", "\"bad escape \\q\""));

    enum Kind { BAD_VALUE, UNKNOWN_KEY, REPEATED_KEY, NOT_A_KEY }

    /** Spoils the which-th key line (counted round) of an export in the given way; empty text when it has none. */
    static SpoiledLine of(String export, boolean json, int which, Kind kind, int variant) {
        List<String> lines = new ArrayList<>(Arrays.asList(export.split("\n", -1)));
        List<Integer> keyLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if ((json ? JSON_KEY : INI_KEY).matcher(lines.get(i)).matches()) {
                keyLines.add(i);
            }
        }
        if (keyLines.isEmpty()) {
            return new SpoiledLine("", 0, "no key line");
        }
        int at = keyLines.get(Math.floorMod(which, keyLines.size()));
        Matcher m = (json ? JSON_KEY : INI_KEY).matcher(lines.get(at));
        m.matches();
        String key = json ? m.group(2) : m.group(1);
        String spoiled = switch (kind) {
            case BAD_VALUE -> {
                List<String> bad = BAD_VALUES.get(key);
                String value = bad.get(Math.floorMod(variant, bad.size()));
                // any JSON string is a note; only a value that is no scalar is wrong there
                String jsonValue = key.equals("notes") ? "[]" : jsonString(value);
                yield json ? m.group(1) + "\"" + key + "\": " + jsonValue + m.group(4) : key + " = " + value;
            }
            case UNKNOWN_KEY -> json ? m.group(1) + "\"colour\": \"blue\"" + m.group(4) : "colour = blue";
            case REPEATED_KEY -> null;
            case NOT_A_KEY -> json ? m.group(1) + "\"" + key + "\" " + m.group(3) + m.group(4) : key + " " + key;
        };
        if (kind == Kind.REPEATED_KEY) {
            lines.add(at, lines.get(at).endsWith(",") ? lines.get(at) : lines.get(at) + ",");
            return new SpoiledLine(String.join("\n", lines), at + 2, kind + " " + key);
        }
        lines.set(at, spoiled);
        return new SpoiledLine(String.join("\n", lines), at + 1, kind + " " + key);
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
