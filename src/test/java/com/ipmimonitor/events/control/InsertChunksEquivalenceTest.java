package com.ipmimonitor.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * InsertChunks.chunks checks a record against a summary of its condition's deassertions instead of each of them:
 * random SELs (several servers, sensors, offsets, untimed and OEM records, times in other offsets, long runs of one
 * toggling condition) are cut where the check against each deassertion (the earlier code, below) cut them.
 */
class InsertChunksEquivalenceTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void chunksAreCutWhereACheckAgainstEachDeassertionCutThem() {
        Random random = new Random(20261207);
        for (int run = 0; run < 20000; run++) {
            List<SelEvent> events = randomEvents(random, random.nextInt(60));
            int max = 1 + random.nextInt(run % 2 == 0 ? 8 : 100);
            assertEquals(sizes(byEachDeassertion(events, max)), sizes(InsertChunks.chunks(events, max)), "run " + run);
        }
    }

    private static List<Integer> sizes(List<List<SelEvent>> chunks) {
        return chunks.stream().map(List::size).toList();
    }

    /** The earlier InsertChunks.chunks: each record against every deassertion of its condition in the chunk. */
    private static List<List<SelEvent>> byEachDeassertion(List<SelEvent> events, int max) {
        List<List<SelEvent>> chunks = new ArrayList<>();
        List<SelEvent> current = new ArrayList<>();
        Map<List<Object>, List<SelEvent>> deassertions = new HashMap<>();
        for (SelEvent e : events) {
            if (current.size() >= max || deassertions.getOrDefault(ConditionClosing.conditionOf(e), List.of()).stream()
                    .anyMatch(d -> ConditionClosing.wouldClose(d, e))) {
                chunks.add(current);
                current = new ArrayList<>();
                deassertions.clear();
            }
            current.add(e);
            if (e.isDeassertion() && ConditionClosing.closesSomething(e)) {
                deassertions.computeIfAbsent(ConditionClosing.conditionOf(e), k -> new ArrayList<>()).add(e);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static List<SelEvent> randomEvents(Random random, int n) {
        List<SelEvent> events = new ArrayList<>();
        boolean oneCondition = random.nextInt(3) == 0; // a sensor that toggles: long runs of one condition
        for (int i = 0; i < n; i++) {
            Integer minute = random.nextInt(8) == 0 ? null : random.nextInt(oneCondition ? 40 : 5);
            OffsetDateTime at = minute == null ? null : T0.plusMinutes(minute)
                    .withOffsetSameInstant(ZoneOffset.ofHours(random.nextInt(3) - 1));
            int recordType = random.nextInt(12) == 0 ? 0xE0 : 2; // OEM 0xE0: no timestamp, findEventTime empty
            Integer offset = random.nextInt(10) == 0 ? null : oneCondition ? 1 : random.nextInt(3);
            Integer eventType = random.nextInt(15) == 0 ? null : 1;
            Integer sensor = random.nextInt(15) == 0 ? null : oneCondition ? 0x30 : 0x30 + random.nextInt(2);
            events.add(new SelEvent(random.nextInt(5) == 0 ? 8L : 7L, i + 1, recordType, at, null, false, "Fan", 4,
                    sensor, "FAN", eventType, offset, random.nextBoolean(), "x", null, "00", "fp" + i, T0));
        }
        return events;
    }
}
