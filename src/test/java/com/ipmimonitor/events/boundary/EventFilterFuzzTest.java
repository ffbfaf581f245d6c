package com.ipmimonitor.events.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import com.ipmimonitor.ipmi.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * /api/events, its CSV export and the server page check their query values with EventFilter.parse: whatever is
 * sent, the values are either listed as problems (a 400) or make a filter within bounds that PostgreSQL can take.
 */
class EventFilterFuzzTest {

    private static final Set<String> SEVERITIES = Set.of("CRITICAL", "WARNING", "INFO");

    record Query(String severity, String server, String text, Integer hours, Integer limit, Integer offset,
                 int defaultLimit) {

        /** What the API promises, worked out apart from the code under test. */
        boolean acceptable() {
            return (severity == null || severity.isBlank() || SEVERITIES.contains(severity.strip().toUpperCase(Locale.ROOT)))
                    && (hours == null || hours >= 1 && hours <= EventFilter.MAX_HOURS)
                    && (limit == null || limit >= 1 && limit <= EventFilter.MAX_LIMIT)
                    && (offset == null || offset >= 0)
                    && (text == null || text.length() <= EventFilter.MAX_TEXT)
                    && noNul(text) && noNul(server);
        }

        private static boolean noNul(String value) {
            return value == null || value.indexOf('\0') < 0;
        }
    }

    @Property(tries = 3000, seed = Fuzzing.SEED)
    void anyQueryIsRefusedWithReasonsOrGivesAFilterWithinBounds(@ForAll("queries") Query q) throws Exception {
        List<String> problems = new ArrayList<>();

        EventFilter f = Fuzzing.withinDeadline(() -> EventFilter.parse(q.severity(), q.server(), q.text(), q.hours(),
                q.limit(), q.offset(), q.defaultLimit(), problems));

        assertEquals(q.acceptable(), problems.isEmpty(), "problems: " + problems);
        problems.forEach(p -> assertTrue(!p.isBlank(), "an empty problem"));
        if (problems.isEmpty()) {
            assertWithinBounds(f, q);
        }
    }

    private static void assertWithinBounds(EventFilter f, Query q) {
        assertTrue(f.hours() >= 1 && f.hours() <= EventFilter.MAX_HOURS, "hours " + f.hours());
        assertTrue(f.limit() >= 1 && f.limit() <= EventFilter.MAX_LIMIT, "limit " + f.limit());
        assertTrue(f.offset() >= 0, "offset " + f.offset());
        assertEquals(q.severity() != null && !q.severity().isBlank(), f.severity().isPresent());
        assertStrippedAndNotBlank(f.server());
        assertStrippedAndNotBlank(f.text());
    }

    private static void assertStrippedAndNotBlank(Optional<String> value) {
        value.ifPresent(v -> assertTrue(!v.isBlank() && v.equals(v.strip()), "'" + v + "'"));
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<String> severity = Arbitraries.oneOf(
                Arbitraries.of("critical", "WARNING", " Info ", "warn", "all", "", " "),
                Arbitraries.of(Severity.class).map(s -> s.name().toLowerCase(Locale.ROOT)),
                text()).injectNull(0.3);
        Arbitrary<Integer> number = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers()),
                Tuple.of(3, Arbitraries.integers().between(-2, 10_002)),
                Tuple.of(1, Arbitraries.of(0, 1, EventFilter.MAX_HOURS, EventFilter.MAX_HOURS + 1, EventFilter.MAX_LIMIT,
                        EventFilter.MAX_LIMIT + 1, Integer.MIN_VALUE, Integer.MAX_VALUE))).injectNull(0.3);
        return net.jqwik.api.Combinators.combine(severity, text().injectNull(0.3), text().injectNull(0.3), number,
                number, number, Arbitraries.integers().between(1, EventFilter.MAX_LIMIT)).as(Query::new);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(BadInput.anyText(), Arbitraries.strings().ofMinLength(195).ofMaxLength(205),
                Arbitraries.of("ECC", "[CPU1_ECC1]", "%", "_", "a\0b", "\0"));
    }
}
