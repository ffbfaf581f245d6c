package com.ipmimonitor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of text that no tool should print and no operator should type, for the property-based tests. */
public final class BadInput {

    /**
     * Values that break careless parsing: numbers past int and double range, signs, non-ASCII digits, separators
     * where a value belongs, control characters, a lone surrogate, impossible dates, and words the parsers look for.
     */
    public static final List<String> NASTY_TOKENS = List.of(
            "", " ", "-1", "+1", "0", "00", "99999999999", "2147483648", "-2147483649", "1e309", "-0", "0.5",
            "NaN", "Infinity", "0x1f", "ff", "FFFFF", "\u0663", "\uFF11\uFF12", "na", "disabled", "Not Available",
            "|", ":", "||", "=", "[", "]", "{", "}", "\"", "\\", "#", ";", "\r", "\t", "\u0000", "\u00A0", "\uFFFD",
            "\uD800", "\u2028", "\uFEFF", "13/45/26", "99:99:99", "02/29/25", "11/21/26 20:55:27 UTC", "UTC", "%",
            "100%", "-5%", "Watts", "OEM record", "OEM record c1", "Pre-Init", "Asserted", "Deasserted", "#0x",
            "#0xZZ", "00h", "GGh", "Chassis Power is", "Chassis Power is on", "SEL Information", "Entries",
            "Record Count", "Instantaneous power reading:", "deactivated", "discrete", "true", "null", "yes",
            "bmc_ip", "port", "servers", "[servers]", "\\u12", "\\x", "x".repeat(300));

    private static final String STRUCTURE_CHARS = "0123456789abcdefABCDEF |:#%.-+=/\"'\\[]{},;\n\r\t";

    private BadInput() {
    }

    /** Text built of nasty tokens, separators, digits and arbitrary characters, up to a few hundred characters. */
    public static Arbitrary<String> garbage() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NASTY_TOKENS)),
                Tuple.of(4, Arbitraries.strings().withChars(STRUCTURE_CHARS).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(6)),
                Tuple.of(2, Arbitraries.just("\n")));
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    /** Random bytes as the JVM reads a child's output: as UTF-8 (malformed bytes become U+FFFD) or byte for byte. */
    public static Arbitrary<String> randomBytes() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
        return Combinators.combine(bytes, Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1))
                .as(String::new);
    }

    /** Anything at all: garbage, random bytes, or a plain random string. */
    public static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(garbage(), randomBytes(), Arbitraries.strings().all().ofMaxLength(200));
    }

    /** The original with one to four mutations of any kind: truncated, lines dropped or repeated, fields mangled. */
    public static Arbitrary<String> mangled(String original) {
        return mutations(List.of(TextMutation.Kind.values())).list().ofMinSize(1).ofMaxSize(4)
                .map(ms -> apply(original, ms));
    }

    /** The original with lines dropped, repeated or swapped, nothing else. */
    public static Arbitrary<String> linesMoved(String original) {
        return mutations(TextMutation.LINE_MOVES).list().ofMinSize(1).ofMaxSize(6).map(ms -> apply(original, ms));
    }

    /** The original with one of its numbers (any of them, evenly) made too big, signed, non-ASCII or not a number. */
    public static Arbitrary<String> numberReplaced(String original) {
        int numbers = TextMutation.numbersIn(original);
        if (numbers == 0) {
            return Arbitraries.just(original);
        }
        return Combinators.combine(Arbitraries.integers().between(0, numbers - 1),
                Arbitraries.integers().between(0, TextMutation.NASTY_NUMBERS.size() - 1))
                .as((which, replacement) -> new TextMutation(TextMutation.Kind.REPLACE_NUMBER, which, replacement, "")
                        .applyTo(original));
    }

    /** The original with one line dropped or repeated. */
    public static Arbitrary<String> oneLineDroppedOrRepeated(String original) {
        return mutations(List.of(TextMutation.Kind.DROP_LINE, TextMutation.Kind.DUPLICATE_LINE))
                .map(m -> m.applyTo(original));
    }

    /** The original cut off after any character. */
    public static Arbitrary<String> truncated(String original) {
        return Arbitraries.integers().between(0, original.length()).map(end -> original.substring(0, end));
    }

    private static Arbitrary<TextMutation> mutations(List<TextMutation.Kind> kinds) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 100_000);
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(NASTY_TOKENS), garbage());
        return Combinators.combine(Arbitraries.of(kinds), position, position, text).as(TextMutation::new);
    }

    private static String apply(String original, List<TextMutation> mutations) {
        String text = original;
        for (TextMutation m : mutations) {
            text = m.applyTo(text);
        }
        return text;
    }
}
