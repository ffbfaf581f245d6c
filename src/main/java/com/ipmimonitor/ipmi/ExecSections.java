package com.ipmimonitor.ipmi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The output of one {@code ipmitool exec} batch cut into the parts of its commands. ipmitool prints the outputs of a
 * batch one after the other with nothing between them, so a batch that carries commands of different shapes (the
 * probe, then {@code mc info}, {@code dcmi power reading}, {@code sdr dump}) has an {@code echo} line before each of
 * them; ipmitool prints its words back ({@code "ipmi-monitor-section mc-info follows "}), and this class splits there.
 * <p>
 * The marker has four words on purpose: ipmitool 1.8.19's exec neither clears nor ends its argument array, so a
 * command reads the words of an earlier line past its own last one. {@code dcmi power reading} looks at a fourth word
 * (the sample time) and, given stack garbage there, prints "Invalid sample time" instead of asking the BMC; each
 * argument slot an earlier line used is freed and cleared, so a four-word line just before it leaves that slot empty.
 */
public final class ExecSections {

    private static final String MARK = "ipmi-monitor-section";
    private static final String FOLLOWS = "follows";

    private ExecSections() {
    }

    /** The batch line that opens the part named {@code name} (letters, digits and dashes). */
    public static String marker(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("not a section name: " + name);
        }
        return "echo " + MARK + " " + name + " " + FOLLOWS;
    }

    /** Everything before the first marker: the output of the batch's first commands. */
    public static String head(String stdout) {
        return split(stdout).get("");
    }

    /** The output of the part named {@code name}; empty when its marker was never printed (ipmitool stopped before). */
    public static Optional<String> section(String stdout, String name) {
        return Optional.ofNullable(split(stdout).get(name));
    }

    /** Name of each part to its output, in order, each exactly as printed; the key "" holds the head. */
    static Map<String, String> split(String stdout) {
        Map<String, String> parts = new LinkedHashMap<>();
        String current = "";
        int start = 0;
        int at = 0;
        while (at < stdout.length()) {
            int end = stdout.indexOf('\n', at);
            int next = end < 0 ? stdout.length() : end + 1;
            Optional<String> name = stdout.startsWith(MARK, at)
                    ? nameIn(stdout.substring(at, end < 0 ? stdout.length() : end)) : Optional.empty();
            if (name.isPresent()) {
                parts.putIfAbsent(current, stdout.substring(start, at));
                current = name.get();
                start = next;
            }
            at = next;
        }
        parts.putIfAbsent(current, stdout.substring(start));
        return parts;
    }

    private static Optional<String> nameIn(String line) {
        String[] words = line.strip().split(" ");
        return words.length == 3 && words[0].equals(MARK) && words[2].equals(FOLLOWS)
                ? Optional.of(words[1]) : Optional.empty();
    }
}
