package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A parser reports what the output says and nothing else: with lines dropped, repeated or reordered, or the output
 * cut short, every entry it returns is one that was in the output, read exactly as from the whole output.
 */
class ParsedEntriesComeFromTheOutputTest {

    /** A parser of one entry per non-blank line; key names the entry (record id, sensor name) in a cut-off line. */
    record LineTable(String name, Function<String, List<?>> parser, Function<Object, Object> key, List<String> outputs) {

        static LineTable of(String name, Function<String, List<?>> parser, Function<Object, Object> key,
                            IpmitoolOutput captured) {
            return new LineTable(name, parser, key, captured.capturedOutputs());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<LineTable> TABLES = List.of(
            LineTable.of("sel elist", SelElistParser::parse, e -> ((SelLine) e).recordId(), IpmitoolOutput.SEL_ELIST),
            LineTable.of("sdr elist", SdrElistParser::parse, e -> ((SdrEntry) e).name(), IpmitoolOutput.SDR_ELIST),
            LineTable.of("sensor", SensorListParser::parse, e -> ((SensorRow) e).name(), IpmitoolOutput.SENSOR));

    record Case(LineTable table, String original, String changed) {
    }

    // the captured outputs parse the same every time; parsing them once keeps the tries cheap
    private static final Map<String, List<?>> WHOLE = new ConcurrentHashMap<>();
    private static final List<SelEntryResponse> RAW_WHOLE = GetSelEntryResponseParser.parse(rawOutput());

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void linesDroppedRepeatedOrSwappedGiveExactlyTheEntriesOfThoseLines(@ForAll("linesMoved") Case c) {
        Map<String, Object> entryOfLine = entriesByLine(c.table(), c.original());

        List<?> parsed = c.table().parser().apply(c.changed());

        List<Object> expected = c.changed().lines().filter(l -> !l.isBlank()).map(entryOfLine::get).toList();
        assertEquals(expected, parsed);
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void cutOffOutputGivesTheFirstEntriesOrAParseError(@ForAll("truncated") Case c) {
        List<?> whole = whole(c.table(), c.original());
        List<?> parsed;
        try {
            parsed = c.table().parser().apply(c.changed());
        } catch (IpmitoolParseException expected) {
            return;
        }
        int n = parsed.size();
        assertTrue(n <= whole.size(), "more entries than the whole output has");
        if (n > 0) {
            assertEquals(whole.subList(0, n - 1), parsed.subList(0, n - 1));
            // the last line may have been cut inside its last column, never before the key
            assertEquals(c.table().key().apply(whole.get(n - 1)), c.table().key().apply(parsed.get(n - 1)));
        }
    }

    /**
     * One line, because each response is printed as two lines and carries no checksum: with two lines gone (the
     * last two bytes of one response and the first sixteen of the next) the rest pairs up into a response that
     * looks whole. ipmitool's stdout does not lose lines, so only the single slip is asked of the parser.
     */
    @Property(tries = 500, seed = Fuzzing.SEED)
    void getSelEntryResponsesWithALineDroppedOrRepeatedAreOriginalResponsesOrAParseError(
            @ForAll("rawLineDroppedOrRepeated") String stdout) {
        try {
            List<SelEntryResponse> parsed = GetSelEntryResponseParser.parse(stdout);
            assertTrue(RAW_WHOLE.containsAll(parsed), "a response that was not in the output: " + parsed);
        } catch (IpmitoolParseException expected) {
            // a response split from its last two bytes is refused, not guessed at
        }
    }

    @Property(tries = 500, seed = Fuzzing.SEED)
    void cutOffGetSelEntryOutputGivesTheFirstResponsesOrAParseError(@ForAll("rawTruncated") String stdout) {
        try {
            List<SelEntryResponse> parsed = GetSelEntryResponseParser.parse(stdout);
            assertEquals(RAW_WHOLE.subList(0, parsed.size()), parsed);
        } catch (IpmitoolParseException expected) {
            // the last response was cut
        }
    }

    private static Map<String, Object> entriesByLine(LineTable table, String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        List<?> entries = whole(table, output);
        assertEquals(lines.size(), entries.size(), "one entry per line of the captured output");
        Map<String, Object> byLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byLine.put(lines.get(i), entries.get(i));
        }
        return byLine;
    }

    private static List<?> whole(LineTable table, String output) {
        return WHOLE.computeIfAbsent(table.name() + "\n" + output, k -> table.parser().apply(output));
    }

    private static String rawOutput() {
        return IpmitoolOutput.GET_SEL_ENTRY.capturedOutputs().get(0);
    }

    @Provide
    Arbitrary<Case> linesMoved() {
        return cases(BadInput::linesMoved);
    }

    @Provide
    Arbitrary<Case> truncated() {
        return cases(BadInput::truncated);
    }

    @Provide
    Arbitrary<String> rawLineDroppedOrRepeated() {
        return BadInput.oneLineDroppedOrRepeated(rawOutput());
    }

    @Provide
    Arbitrary<String> rawTruncated() {
        return BadInput.truncated(rawOutput());
    }

    private static Arbitrary<Case> cases(Function<String, Arbitrary<String>> change) {
        return Arbitraries.of(TABLES).flatMap(table -> Arbitraries.of(table.outputs())
                .flatMap(original -> change.apply(original).map(changed -> new Case(table, original, changed))));
    }
}
