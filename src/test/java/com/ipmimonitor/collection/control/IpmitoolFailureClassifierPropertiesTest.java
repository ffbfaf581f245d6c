package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.ipmi.Fixtures;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever ipmitool writes on stderr, the failure gets a kind, and repeated lines or probe noise do not change it. */
class IpmitoolFailureClassifierPropertiesTest {

    private static final List<String> FAILURES = List.of("ipmi_sim/failures/wrong_password", "ipmi_sim/failures/wrong_user",
            "ipmi_sim/failures/unreachable", "ipmi_sim/failures/cipher17", "ipmi_sim/failures/invalid_cmd",
            "ipmi_sim/failures/slow_link_rakp", "ipmi_sim/failures/answers_stop_mid_session",
            "not-a-bmc/open_session_response_out_of_turn");
    // what ipmitool -v prints on a successful run of a Super Micro BMC
    private static final String PROBE_NOISE = Fixtures.ipmitool("ipmi_sim_supermicro/sel_elist.stderr");
    // the clock decides TIMEOUT, a parser PARSE_ERROR, and stderr never means OK
    private static final Set<PollOutcome> FROM_STDERR = Set.of(PollOutcome.AUTH_FAILED, PollOutcome.UNSUPPORTED,
            PollOutcome.PROTOCOL_ERROR, PollOutcome.UNREACHABLE, PollOutcome.ERROR);

    record Stderr(String failure, String text) {
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void anyStderrGetsAFailureKind(@ForAll("anyText") String stderr) throws Exception {
        PollOutcome outcome = Fuzzing.withinDeadline(() -> IpmitoolFailureClassifier.classify(stderr));
        assertTrue(FROM_STDERR.contains(outcome), "classified as " + outcome);
    }

    @Property(tries = 300, seed = Fuzzing.SEED)
    void aFailureKeepsItsKindWithLinesRepeatedAndProbeNoiseAdded(@ForAll("failuresWithLinesRepeated") Stderr stderr) {
        PollOutcome original = IpmitoolFailureClassifier.classify(stderr(stderr.failure()));

        assertEquals(original, IpmitoolFailureClassifier.classify(PROBE_NOISE + stderr.text() + "\n" + PROBE_NOISE));
    }

    private static String stderr(String failure) {
        return Fixtures.ipmitool(failure + ".stderr");
    }

    @Provide
    Arbitrary<String> anyText() {
        return BadInput.anyText();
    }

    /** Lines repeated in any order after the whole text, never dropped: a dropped line may be what tells the kind. */
    @Provide
    Arbitrary<Stderr> failuresWithLinesRepeated() {
        return Arbitraries.of(FAILURES).flatMap(f -> Arbitraries.of(stderr(f).lines().toList()).list().ofMinSize(1)
                .map(extra -> new Stderr(f, stderr(f) + String.join("\n", extra))));
    }
}
