package com.ipmimonitor.security.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search filters with values from outside (what a caller typed, a DN the directory returned). Unescaped, a
 * user name like {@code *} or {@code alice)(uid=*} would change what the filter matches.
 */
public final class LdapFilter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private LdapFilter() {
    }

    /** RFC 4515 section 3: the five characters that mean something inside a filter value, as \XX. */
    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> escaped.append("\\2a");
                case '(' -> escaped.append("\\28");
                case ')' -> escaped.append("\\29");
                case '\\' -> escaped.append("\\5c");
                case '\0' -> escaped.append("\\00");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Replaces {0}, {1}, ... of a configured filter with the escaped values, in one pass: a value that itself
     * contains "{1}" is not substituted again.
     */
    public static String fill(String template, String... values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filter = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            if (index >= values.length) {
                throw new IllegalArgumentException("the filter " + template + " uses {" + index + "}, only "
                        + values.length + " value(s) given");
            }
            placeholder.appendReplacement(filter, Matcher.quoteReplacement(escape(values[index])));
        }
        placeholder.appendTail(filter);
        return filter.toString();
    }

    /** The highest placeholder a filter uses, or -1 when it has none. */
    static int highestPlaceholder(String template) {
        return PLACEHOLDER.matcher(template).results().mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(-1);
    }
}
