package com.ipmimonitor.collection.boundary;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ipmimonitor.Fuzzing;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The poll interval field of the settings page, given any whole number. */
class PollIntervalFuzzTest {

    /** No EntityManager is set: an interval that reached the database would fail with a NullPointerException. */
    @Property(tries = 500, seed = Fuzzing.SEED)
    void anIntervalOutsideTenSecondsToADayIsRefusedBeforeTheDatabase(@ForAll("outOfRange") int seconds) {
        assertThrows(IllegalArgumentException.class, () -> new PollInterval().change(seconds));
    }

    @Provide
    Arbitrary<Integer> outOfRange() {
        return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(PollInterval.MIN_SECONDS - 1),
                Arbitraries.integers().greaterOrEqual(PollInterval.MAX_SECONDS + 1));
    }
}
