package com.ipmimonitor.fleet.control;

/**
 * How a value is written after {@code key =} in a server INI file, for both the importer and the exporter.
 * <ul>
 * <li>Bare: the rest of the line with surrounding whitespace removed. A {@code #} at the start or after whitespace
 * begins a comment (the original app wrote {@code 10.0.0.5 = gpu01  # nvidia}); {@code ;} and {@code =} are kept.
 * Bare values have no escapes.</li>
 * <li>Quoted: starts with {@code "} and ends at the next unescaped {@code "}, keeping everything in between,
 * including spaces, {@code #} and {@code =}. Escapes: {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t},
 * {@code \}{@code uXXXX}; any other backslash is an error so a typo is not silently kept. Only whitespace or a
 * {@code #} comment may follow the closing quote. A value never spans lines: newlines are written as {@code \n}.</li>
 * </ul>
 * The exporter quotes only what a bare value cannot hold, so ordinary files stay readable.
 */
final class IniValue {

    /** A value as read: either {@code value} (and the comment after it, "" when none) or an {@code error}. */
    record Read(String value, String comment, String error) {

        static Read failed(String error) {
            return new Read(null, "", error);
        }
    }

    private IniValue() {
    }

    /** Reads what follows the {@code =} of a line. */
    static Read read(String afterEquals) {
        String s = afterEquals.strip();
        if (!s.startsWith("\"")) {
            int hash = commentStart(s);
            return hash < 0 ? new Read(s, "", null)
                    : new Read(s.substring(0, hash).strip(), s.substring(hash + 1).strip(), null);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                String rest = s.substring(i + 1).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    return Read.failed("unexpected text after the closing quote: '" + rest + "'");
                }
                return new Read(value.toString(), rest.isEmpty() ? "" : rest.substring(1).strip(), null);
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (++i == s.length()) {
                break;
            }
            switch (s.charAt(i)) {
                case '"' -> value.append('"');
                case '\\' -> value.append('\\');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (i + 4 >= s.length() || !s.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
                        return Read.failed("\\u must be followed by four hex digits");
                    }
                    value.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> {
                    return Read.failed("unknown escape '\\" + s.charAt(i) + "' in quoted value (use \\\\ for a backslash)");
                }
            }
        }
        return Read.failed("quoted value has no closing quote");
    }

    /** Writes a value so that {@link #read} gives it back unchanged. */
    static String write(String value) {
        if (!needsQuotes(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Empty values are quoted too, so {@code notes = ""} is visibly different from a forgotten value. */
    static boolean needsQuotes(String value) {
        return value.isEmpty() || !value.equals(value.strip()) || value.startsWith("\"") || value.contains("#")
                || value.contains("=") || value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    /** Index of the {@code #} that starts a comment in a bare value, or -1. */
    private static int commentStart(String bare) {
        for (int i = 0; i < bare.length(); i++) {
            if (bare.charAt(i) == '#' && (i == 0 || Character.isWhitespace(bare.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }
}
