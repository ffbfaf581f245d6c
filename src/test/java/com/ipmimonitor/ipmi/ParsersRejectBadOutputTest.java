package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever ipmitool prints, each parser gives a result or its documented parse error, in bounded time: a
 * NumberFormatException or an IndexOutOfBounds would end a poll as ERROR with a Java message instead of
 * PARSE_ERROR with the offending line.
 */
class ParsersRejectBadOutputTest {

    @Property(tries = 3000, seed = Fuzzing.SEED)
    void garbageIsAResultOrAParseError(@ForAll IpmitoolOutput parser, @ForAll("garbage") String stdout) throws Exception {
        assertResultOrParseError(parser, stdout);
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void randomBytesAreAResultOrAParseError(@ForAll IpmitoolOutput parser, @ForAll("randomBytes") String stdout)
            throws Exception {
        assertResultOrParseError(parser, stdout);
    }

    @Property(tries = 4000, seed = Fuzzing.SEED)
    void mangledRealOutputIsAResultOrAParseError(@ForAll("mangledOutputs") ParserInput input) throws Exception {
        assertResultOrParseError(input.parser(), input.stdout());
    }

    @Property(tries = 2000, seed = Fuzzing.SEED)
    void realOutputWithANumberOutOfRangeIsAResultOrAParseError(@ForAll("outputsWithABadNumber") ParserInput input)
            throws Exception {
        assertResultOrParseError(input.parser(), input.stdout());
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void truncatedRealOutputIsAResultOrAParseError(@ForAll("truncatedOutputs") ParserInput input) throws Exception {
        assertResultOrParseError(input.parser(), input.stdout());
    }

    /** One parser and the text it is given; the record's toString is what jqwik shows for a failing sample. */
    record ParserInput(IpmitoolOutput parser, String stdout) {
    }

    @Provide
    Arbitrary<String> garbage() {
        return BadInput.garbage();
    }

    @Provide
    Arbitrary<String> randomBytes() {
        return BadInput.randomBytes();
    }

    @Provide
    Arbitrary<ParserInput> mangledOutputs() {
        return changedOutputs(BadInput::mangled);
    }

    @Provide
    Arbitrary<ParserInput> outputsWithABadNumber() {
        return changedOutputs(BadInput::numberReplaced);
    }

    @Provide
    Arbitrary<ParserInput> truncatedOutputs() {
        return changedOutputs(BadInput::truncated);
    }

    /** A parser (each as likely as any other), one of its captured outputs, changed by the given generator. */
    private static Arbitrary<ParserInput> changedOutputs(Function<String, Arbitrary<String>> change) {
        return Arbitraries.of(IpmitoolOutput.class).flatMap(parser -> Arbitraries.of(parser.capturedOutputs())
                .flatMap(change).map(stdout -> new ParserInput(parser, stdout)));
    }

    static void assertResultOrParseError(IpmitoolOutput parser, String stdout) throws Exception {
        try {
            assertNotNull(Fuzzing.withinDeadline(() -> parser.parse(stdout)), parser + " returned null");
        } catch (IpmitoolParseException expected) {
            assertNotNull(expected.offendingLine(), "a parse error carries the offending line");
        }
    }
}
