package com.ipmimonitor.fleet.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the INI format of the original IPMI Monitor: one {@code [section]} per server, named after it, with
 * {@code key = value} lines (values as {@link IniValue} describes). Inside {@code [servers]}, a line whose key is
 * an address is the original app's one-line form {@code <bmc_ip> = <name>  # comment}, where a comment mentioning
 * "nvidia" marks the server for the NVIDIA password. Full-line comments start with {@code #} or {@code ;}.
 */
final class IniServerReader {

    static final String ONE_LINE_SECTION = "servers";

    /** Non-greedy, so {@code [a]b]} is "a]b" but {@code [a] # rack 3} is "a" with a comment. */
    private static final Pattern HEADER = Pattern.compile("\\[(.*?)]\\s*(#.*)?");

    private IniServerReader() {
    }

    static List<ServerEntry> read(String text, List<LineProblem> problems) {
        List<ServerEntry> entries = new ArrayList<>();
        Map<String, Integer> sectionLines = new HashMap<>();
        List<ServerEntry> oneLineSections = new ArrayList<>();
        ServerEntry section = null;
        boolean oneLineSection = false;
        // after a broken header its keys belong nowhere; one error for the header is enough
        boolean skippingSection = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String raw = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String t = (i == 0 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            if (t.startsWith("[")) {
                Matcher m = HEADER.matcher(t);
                String name = m.matches() ? m.group(1).strip() : "";
                section = null;
                oneLineSection = false;
                skippingSection = true;
                if (!m.matches()) {
                    problems.add(new LineProblem(n, "malformed section header '" + t + "' (expected [server-name])"));
                } else if (name.isEmpty()) {
                    problems.add(new LineProblem(n, "empty section name"));
                } else if (sectionLines.containsKey(name)) {
                    problems.add(new LineProblem(n, "section [" + name + "] already started on line " + sectionLines.get(name)));
                } else {
                    sectionLines.put(name, n);
                    section = new ServerEntry(n, "section [" + name + "]", name);
                    oneLineSection = name.toLowerCase(Locale.ROOT).equals(ONE_LINE_SECTION);
                    if (oneLineSection) {
                        oneLineSections.add(section);
                    }
                    skippingSection = false;
                    entries.add(section);
                }
                continue;
            }
            int eq = t.indexOf('=');
            if (eq < 0) {
                problems.add(new LineProblem(n, "expected 'key = value' or '[section]', got '" + t + "'"));
                continue;
            }
            String key = t.substring(0, eq).strip();
            if (key.isEmpty()) {
                problems.add(new LineProblem(n, "missing key before '='"));
                continue;
            }
            if (section == null) {
                if (!skippingSection) {
                    problems.add(new LineProblem(n, "key '" + key + "' is outside any [section]"));
                }
                continue;
            }
            IniValue.Read value = IniValue.read(t.substring(eq + 1));
            if (oneLineSection && ServerEntry.fieldOf(key) == null && ServerInput.isAddress(key)) {
                entries.add(oneLineEntry(key, value, n));
            } else if (value.error() != null) {
                section.reject(key, n, value.error());
            } else {
                section.put(key, value.value(), n);
            }
        }
        // a [servers] section holding only one-line entries is not itself a server; its bad lines still count
        for (ServerEntry e : oneLineSections) {
            if (!e.hasKeys()) {
                problems.addAll(e.problems());
                entries.remove(e);
            }
        }
        return entries;
    }

    private static ServerEntry oneLineEntry(String bmcIp, IniValue.Read value, int n) {
        if (value.error() != null) {
            ServerEntry broken = new ServerEntry(n, bmcIp, null);
            broken.put("bmc_ip", bmcIp, n);
            broken.problem(n, bmcIp + ": " + value.error());
            return broken;
        }
        ServerEntry entry = new ServerEntry(n, bmcIp, value.value().isBlank() ? null : value.value());
        entry.put("bmc_ip", bmcIp, n);
        if (value.comment().toLowerCase(Locale.ROOT).contains("nvidia")) {
            entry.put("use_nvidia_password", "true", n);
        }
        return entry;
    }
}
