package com.ipmimonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One change to a text, line by line: what goes wrong with captured tool output and hand-edited files.
 * {@code where} and {@code other} are taken modulo the number of lines (or characters, or fields), so any
 * generated value applies to any text and jqwik can shrink them freely.
 */
public record TextMutation(Kind kind, int where, int other, String text) {

    public enum Kind {
        TRUNCATE, DROP_LINE, DUPLICATE_LINE, SWAP_LINES, MANGLE_FIELD, MANGLE_WORD, REPLACE_NUMBER, INSERT_LINE,
        INSERT_TEXT, DELETE_CHARS
    }

    /** The kinds that only move, drop or repeat whole lines: every line of the result is a line of the original. */
    public static final List<Kind> LINE_MOVES = List.of(Kind.DROP_LINE, Kind.DUPLICATE_LINE, Kind.SWAP_LINES);

    // the separators of ipmitool's tables and key/value lists, and of INI and JSON
    private static final String FIELD_SEPARATORS = "(?<=[|:=,])|(?=[|:=,])";
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    /** What a number in the output may turn into: too big for int or double, signed, not ASCII, not decimal. */
    static final List<String> NASTY_NUMBERS = List.of("99999999999", "2147483648", "-2147483649", "4294967296",
            "-1", "+1", "-0", "1e309", "NaN", "Infinity", "", "\u0663", "0x10", "ff", "0000000000000000000001", "1.5",
            "1,5", "1 000");
    private static final String WORD_SEPARATORS = "(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)";

    public String applyTo(String original) {
        List<String> lines = new ArrayList<>(Arrays.asList(original.split("\n", -1)));
        int line = Math.floorMod(where, lines.size());
        switch (kind) {
            case TRUNCATE -> {
                return original.substring(0, Math.floorMod(where, original.length() + 1));
            }
            case DROP_LINE -> lines.remove(line);
            case DUPLICATE_LINE -> lines.add(line, lines.get(line));
            case SWAP_LINES -> {
                int second = Math.floorMod(other, lines.size());
                String first = lines.get(line);
                lines.set(line, lines.get(second));
                lines.set(second, first);
            }
            case MANGLE_FIELD -> lines.set(line, replacePart(lines.get(line), FIELD_SEPARATORS));
            case MANGLE_WORD -> lines.set(line, replacePart(lines.get(line), WORD_SEPARATORS));
            case REPLACE_NUMBER -> {
                return replaceNumber(original);
            }
            case INSERT_LINE -> lines.add(line, text);
            case INSERT_TEXT -> {
                int at = Math.floorMod(other, original.length() + 1);
                return original.substring(0, at) + text + original.substring(at);
            }
            case DELETE_CHARS -> {
                int from = Math.floorMod(where, original.length() + 1);
                int to = Math.min(original.length(), from + Math.floorMod(other, 8) + 1);
                return original.substring(0, from) + original.substring(to);
            }
        }
        return String.join("\n", lines);
    }

    static int numbersIn(String text) {
        return (int) NUMBER.matcher(text).results().count();
    }

    /** Replaces the where-th number of the text (counting round) with one of {@link #NASTY_NUMBERS}. */
    private String replaceNumber(String original) {
        List<MatchResult> numbers = NUMBER.matcher(original).results().toList();
        if (numbers.isEmpty()) {
            return original;
        }
        MatchResult n = numbers.get(Math.floorMod(where, numbers.size()));
        String replacement = NASTY_NUMBERS.get(Math.floorMod(other, NASTY_NUMBERS.size()));
        return original.substring(0, n.start()) + replacement + original.substring(n.end());
    }

    /** Replaces one part of the line (a field between separators, or a word) with the mutation's text. */
    private String replacePart(String line, String boundaries) {
        String[] parts = line.split(boundaries, -1);
        int field = Math.floorMod(other, parts.length);
        parts[field] = text;
        return String.join("", parts);
    }
}
