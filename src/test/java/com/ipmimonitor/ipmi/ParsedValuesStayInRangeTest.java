package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What a parser returns from mangled output is either a parse error or values the rest of the application can
 * use: counts that are not negative, 16-bit record ids, and sensor numbers that are numbers (a NaN threshold makes
 * every comparison false, so a reading would never count as critical).
 */
class ParsedValuesStayInRangeTest {

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void sensorValuesAndThresholdsAreFinite(@ForAll("sensorOutputs") String stdout) {
        for (SensorRow row : parsedOrEmpty(() -> SensorListParser.parse(stdout))) {
            Stream.of(row.value(), row.lnr(), row.lcr(), row.lnc(), row.unc(), row.ucr(), row.unr())
                    .filter(OptionalDouble::isPresent)
                    .forEach(v -> assertTrue(Double.isFinite(v.getAsDouble()), row + " has a value that is no number"));
        }
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void selInfoCountsAreNotNegative(@ForAll("selInfoOutputs") String stdout) {
        for (SelInfo info : parsedOrEmpty(() -> List.of(SelInfoParser.parse(stdout)))) {
            assertTrue(info.entries() >= 0, "negative entry count in " + info);
            assertTrue(info.percentUsed() >= -1, "negative percentage in " + info);
            assertTrue(info.lastAddEpoch() >= SelInfo.NOT_AVAILABLE && info.lastEraseEpoch() >= SelInfo.NOT_AVAILABLE,
                    "a time before 1970 in " + info);
        }
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void selElistRecordIdsAreSixteenBits(@ForAll("selElistOutputs") String stdout) {
        for (SelLine line : parsedOrEmpty(() -> SelElistParser.parse(stdout))) {
            assertTrue(line.recordId() >= 0 && line.recordId() <= 0xFFFF, "record id out of range: " + line.rawLine());
        }
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void dcmiWattsAreNotNegative(@ForAll("dcmiOutputs") String stdout) {
        for (PowerReading r : parsedOrEmpty(() -> DcmiPowerParser.parse(stdout).stream().toList())) {
            assertTrue(r.currentWatts() >= 0 && r.minimumWatts() >= 0, r.toString());
            assertTrue(r.maximumWatts() >= 0 && r.averageWatts() >= 0, r.toString());
        }
    }

    private interface Parse<T> {
        List<T> run();
    }

    private static <T> List<T> parsedOrEmpty(Parse<T> parse) {
        try {
            return parse.run();
        } catch (IpmitoolParseException e) {
            return List.of();
        }
    }

    @Provide
    Arbitrary<String> sensorOutputs() {
        return changed(IpmitoolOutput.SENSOR);
    }

    @Provide
    Arbitrary<String> selInfoOutputs() {
        return changed(IpmitoolOutput.SEL_INFO);
    }

    @Provide
    Arbitrary<String> selElistOutputs() {
        return changed(IpmitoolOutput.SEL_ELIST);
    }

    @Provide
    Arbitrary<String> dcmiOutputs() {
        return changed(IpmitoolOutput.DCMI_POWER);
    }

    /** A captured output with one of its numbers spoiled, or mangled any other way. */
    private static Arbitrary<String> changed(IpmitoolOutput output) {
        return Arbitraries.of(output.capturedOutputs())
                .flatMap(o -> Arbitraries.oneOf(BadInput.numberReplaced(o), BadInput.mangled(o)));
    }
}
