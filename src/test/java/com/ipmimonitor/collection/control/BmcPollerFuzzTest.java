package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import com.ipmimonitor.ipmi.Fixtures;
import com.ipmimonitor.collection.entity.PollOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A whole poll against a BMC whose every answer may be spoiled: the poll ends with a result or a CollectionFailure
 * of a named kind, never with another exception (which the collector could only store as a bare ERROR).
 */
class BmcPollerFuzzTest {

    private static final BmcTarget TARGET = new BmcTarget("127.0.0.1", 623, "admin", "secret", 3);
    private static final java.nio.file.Path WORK = workDir();

    private static java.nio.file.Path workDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bmcpollerfuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static final String STATE = Fixtures.ipmitool("ipmi_sim/power_status.txt")
            + Fixtures.ipmitool("ipmi_sim/sdr_info.txt") + Fixtures.ipmitool("ipmi_sim/sel_info.txt");
    private static final String SDR = Fixtures.ipmitool("ipmi_sim/sdr_elist.txt");
    private static final String SDR_VERBOSE = Fixtures.ipmitool("ipmi_sim/sdr_elist_verbose_abnormal.txt");
    private static final String SENSOR = Fixtures.ipmitool("ipmi_sim/sensor.txt");
    private static final String DCMI = Fixtures.ipmitool("ipmitool-format/dcmi_power_reading.txt");
    private static final String RAW_SEL = Fixtures.ipmitool("ipmi_sim/exec_get_sel_entry.txt");

    /** What the fake ipmitool answers to each command; a timed-out answer has no use for its text. */
    record Answers(IpmitoolResult state, IpmitoolResult sdr, IpmitoolResult sensor, IpmitoolResult dcmi,
                   IpmitoolResult rawSel, IpmitoolResult sdrVerbose) {
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void aPollWithSpoiledAnswersEndsWithAResultOrANamedFailure(@ForAll("answers") Answers answers,
                                                               @ForAll("requests") PollRequest request) throws Exception {
        BmcPoller poller = new BmcPoller(new FakeIpmitool(answers), 16);
        PollOutcome outcome;
        try {
            PollResult result = Fuzzing.withinDeadline(() -> poller.poll(request));
            assertNotNull(result);
            outcome = result.newRecords().isEmpty() ? PollOutcome.OK : null;
        } catch (CollectionFailure expected) {
            outcome = expected.outcome();
            assertNotEquals(PollOutcome.OK, outcome);
        }
        Statistics.collect(outcome == null ? "OK with new SEL records" : outcome.name());
        // spoiled answers must not only be refused: enough polls get through to read the SEL
        Statistics.coverage(c -> c.check("OK with new SEL records").percentage(p -> p >= 5));
    }

    @Provide
    Arbitrary<Answers> answers() {
        return Combinators.combine(answer(STATE), answer(SDR), answer(SENSOR), answer(DCMI), answer(RAW_SEL),
                answer(SDR_VERBOSE)).as(Answers::new);
    }

    /** Mostly the captured output, else mangled or garbage; mostly exit 0, else 1; now and then a timeout. */
    private static Arbitrary<IpmitoolResult> answer(String captured) {
        Arbitrary<String> stdout = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(captured)),
                Tuple.of(2, BadInput.mangled(captured)),
                Tuple.of(1, BadInput.numberReplaced(captured)),
                Tuple.of(1, BadInput.anyText()));
        Arbitrary<String> stderr = Arbitraries.oneOf(Arbitraries.just(""), BadInput.garbage());
        Arbitrary<Integer> exit = Arbitraries.frequency(Tuple.of(7, 0), Tuple.of(1, 1));
        Arbitrary<Boolean> timedOut = Arbitraries.frequency(Tuple.of(19, false), Tuple.of(1, true));
        return Combinators.combine(exit, stdout, stderr, timedOut)
                .as((code, out, err, killed) -> new IpmitoolResult(code, out, err, Duration.ofMillis(5), killed));
    }

    @Provide
    Arbitrary<PollRequest> requests() {
        // the fixture's SEL (51 entries up to record 0x33), nothing known yet, or a cursor of any numbers
        Arbitrary<SelCursor> cursor = Arbitraries.oneOf(
                Arbitraries.just(new SelCursor(51, 1795294527L, 1792889669L, Optional.of(0x33))),
                Arbitraries.just(SelCursor.UNKNOWN),
                Combinators.combine(Arbitraries.integers().between(-1, 70_000), Arbitraries.longs(), Arbitraries.longs(),
                        Arbitraries.integers().between(0, 0xFFFF).optional())
                        .as(SelCursor::new));
        Arbitrary<Optional<String>> sdrSignature = Arbitraries.of(Optional.empty(), Optional.of("27|NA|NA"));
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(flag, cursor, sdrSignature, flag, flag)
                .as((fallback, c, sdr, stale, dcmi) -> new PollRequest(TARGET, fallback, c, sdr, stale, dcmi));
    }

    /** Answers by command, as the real runner would after running ipmitool; no process is started. */
    private static final class FakeIpmitool extends IpmitoolRunner {

        private final Answers answers;

        FakeIpmitool(Answers answers) {
            super(null);
            this.answers = answers;
        }

        @Override
        public IpmitoolResult run(BmcTarget target, List<String> command) {
            List<String> c = command.get(0).equals("-S") ? command.subList(2, command.size()) : command;
            return switch (c.get(0)) {
                case "mc" -> answers.sensor(); // mc info: the firmware identity, whatever it says
                case "sdr" -> answers.sdr();
                case "-v" -> answers.sdrVerbose(); // -v sdr elist: the sensor types
                case "sensor" -> answers.sensor();
                case "dcmi" -> answers.dcmi();
                default -> throw new AssertionError("unexpected command " + c);
            };
        }

        @Override
        public IpmitoolResult probe(BmcTarget target, List<String> commandLines) {
            return answers.state();
        }

        /** With a cached SDR the probe's output ends with the verbose listing. */
        @Override
        public IpmitoolResult probe(BmcTarget target, List<String> commandLines, java.util.Optional<java.nio.file.Path> cache) {
            IpmitoolResult s = answers.state();
            return cache.isEmpty() ? s : new IpmitoolResult(s.exitCode(), s.stdout() + answers.sdrVerbose().stdout(),
                    s.stderr(), s.duration(), s.timedOut(), s.gaveUp());
        }

        /** The steady-state probe (no -v): its output ends with the plain listing. */
        @Override
        public IpmitoolResult exec(BmcTarget target, List<String> commandLines, java.util.Optional<java.nio.file.Path> cache) {
            IpmitoolResult s = answers.state();
            return cache.isEmpty() ? s : new IpmitoolResult(s.exitCode(), s.stdout() + answers.sdr().stdout(),
                    s.stderr(), s.duration(), s.timedOut(), s.gaveUp());
        }

        @Override
        public java.nio.file.Path workDir() {
            return WORK;
        }

        /** sdr dump ends as sdr elist did (exit, timeout); what it wrote is the captured dump, cut at a random byte. */
        @Override
        public SdrDump sdrDump(BmcTarget target) {
            byte[] dump = java.util.HexFormat.of().parseHex(
                    Fixtures.ipmitool("ipmi_sim/event_text/sdr_dump.hex").replaceAll("\\s", ""));
            int cut = Math.floorMod(answers.sdr().stdout().hashCode(), dump.length + 1);
            return new SdrDump(answers.sdr(), java.util.Arrays.copyOf(dump, cut));
        }

        /**
         * A first poll's probe: its output, then the parts of the lines after its own, each after the line ipmitool
         * echoes for its marker (mc info, DCMI when asked, the dump, the plain listing).
         */
        @Override
        public SdrDump probeWithSdrDump(BmcTarget target, List<String> before, List<String> after) {
            IpmitoolResult s = answers.state();
            String out = s.stdout() + part("mc-info", answers.sensor())
                    + (before.contains("dcmi power reading") ? part("dcmi", answers.dcmi()) : "")
                    + "ipmi-monitor-section sdr-dump follows \nDumping Sensor Data Repository to '/w/sdr.bin'\n"
                    + part("sdr-elist", answers.sdr());
            return new SdrDump(new IpmitoolResult(s.exitCode(), out, s.stderr(), s.duration(), s.timedOut(), s.gaveUp()),
                    sdrDump(target).bytes());
        }

        private static String part(String name, IpmitoolResult answer) {
            return "ipmi-monitor-section " + name + " follows \n" + (answer.timedOut() ? "" : answer.stdout());
        }

        @Override
        public IpmitoolResult exec(BmcTarget target, List<String> commandLines) {
            return answers.rawSel();
        }
    }
}
