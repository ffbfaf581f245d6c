package com.ipmimonitor.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SelIngest.store inserts chunks of records and then closes, in one UPDATE per chunk, what the chunk's new
 * deassertions close. This replays random SELs (duplicates, untimed records, records without offset, rows stored by
 * earlier polls, tiny chunk sizes) through an in-memory model of both ways and demands the same table: rows in the
 * same order, each with the same resolved_at, as one INSERT and one UPDATE per new deassertion in list order.
 * The model's match is the WHERE of those UPDATEs; chunks and closingDeassertions are the production code.
 */
class InsertChunksListOrderTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    /** now() of the transaction: what an untimed deassertion stamps. */
    private static final OffsetDateTime NOW = T0.plusDays(1);

    private static final class Row {
        final SelEvent event;
        OffsetDateTime resolvedAt;

        Row(SelEvent event, OffsetDateTime resolvedAt) {
            this.event = event;
            this.resolvedAt = resolvedAt;
        }
    }

    @Test
    void chunkedStoreWithSetWiseCloseLeavesTheTableOfOneStatementPerRecord() {
        Random random = new Random(20261124);
        for (int run = 0; run < 5000; run++) {
            List<SelEvent> earlier = randomEvents(random, random.nextInt(6), "old");
            List<SelEvent> poll = randomEvents(random, 1 + random.nextInt(30), "new");
            // re-read records: some of the poll's are copies of earlier or of its own records
            for (int i = 0; i < poll.size(); i++) {
                if (random.nextInt(8) == 0) {
                    List<SelEvent> from = random.nextBoolean() || i == 0 ? earlier : poll.subList(0, i);
                    if (!from.isEmpty()) {
                        poll.set(i, from.get(random.nextInt(from.size())));
                    }
                }
            }
            int maxRows = 1 + random.nextInt(8);
            long closedEarlier = random.nextLong();
            Map<String, Row> oneByOne = storeOneByOne(tableOf(earlier, new Random(closedEarlier)), poll);
            Map<String, Row> chunked = storeChunked(tableOf(earlier, new Random(closedEarlier)), poll, maxRows);
            assertEquals(describe(oneByOne), describe(chunked), "run " + run + ", " + maxRows + " rows per INSERT");
        }
    }

    @Test
    void theModelSeesTheCaseTheChunkRuleExistsFor() {
        // deassertion at minute 1, then an assertion at minute 1 in the same poll: one statement per record leaves
        // the assertion open; inserted together and closed afterwards, it would be closed
        List<SelEvent> poll = List.of(event(1, 0, 0x30, 2, true), event(2, 1, 0x30, 2, false));
        Map<String, Row> oneByOne = storeOneByOne(new LinkedHashMap<>(), poll);
        assertEquals("2:open", describe(oneByOne).get(1));
        assertEquals(describe(oneByOne), describe(storeChunked(new LinkedHashMap<>(), poll, 1000)));
    }

    /** main's way: INSERT ... ON CONFLICT DO NOTHING per record, then RESOLVE_AT / RESOLVE_UNTIMED if it was new. */
    private static Map<String, Row> storeOneByOne(Map<String, Row> table, List<SelEvent> poll) {
        for (SelEvent e : poll) {
            String key = InsertChunks.key(e.getServerId(), e.getFingerprint());
            if (table.containsKey(key)) {
                continue;
            }
            table.put(key, new Row(e, null));
            if (e.isDeassertion() && e.findSensorNumber().isPresent() && e.findEventTypeCode().isPresent()) {
                for (Row row : table.values()) {
                    if (updateMatches(e, row)) {
                        row.resolvedAt = e.findEventTime().orElse(NOW);
                    }
                }
            }
        }
        return table;
    }

    /**
     * The new way: per chunk one INSERT that stores an assertion closed when a deassertion of the chunk closes it
     * (ConditionClosing.closers), those closed by a deassertion the INSERT did not store opened again, then one
     * UPDATE in which the first matching deassertion wins.
     */
    private static Map<String, Row> storeChunked(Map<String, Row> table, List<SelEvent> poll, int maxRows) {
        for (List<SelEvent> chunk : InsertChunks.chunks(poll, maxRows)) {
            Set<String> keys = chunk.stream().map(e -> InsertChunks.key(e.getServerId(), e.getFingerprint()))
                    .collect(Collectors.toSet());
            Map<SelEvent, SelEvent> closers = ConditionClosing.closers(chunk, InsertChunks.closingDeassertions(chunk, keys));
            Set<String> inserted = new HashSet<>();
            for (SelEvent e : chunk) {
                String key = InsertChunks.key(e.getServerId(), e.getFingerprint());
                if (!table.containsKey(key)) {
                    table.put(key, new Row(e, closers.containsKey(e) ? closers.get(e).findEventTime().get() : null));
                    inserted.add(key);
                }
            }
            List<SelEvent> closing = InsertChunks.closingDeassertions(chunk, inserted);
            for (SelEvent e : InsertChunks.storedClosedByMistake(chunk, closers, inserted, closing)) {
                table.get(InsertChunks.key(e.getServerId(), e.getFingerprint())).resolvedAt = null;
            }
            Map<Row, OffsetDateTime> closes = new LinkedHashMap<>();   // one statement: decided on the state before it
            for (Row row : table.values()) {
                closing.stream().filter(d -> updateMatches(d, row)).findFirst()
                        .ifPresent(d -> closes.put(row, d.findEventTime().orElse(NOW)));
            }
            closes.forEach((row, at) -> row.resolvedAt = at);
        }
        return table;
    }

    /** The WHERE of RESOLVE_AT / RESOLVE_UNTIMED (an SQL comparison with null is never true). */
    private static boolean updateMatches(SelEvent d, Row row) {
        SelEvent a = row.event;
        return !a.isDeassertion() && row.resolvedAt == null && Objects.equals(a.getServerId(), d.getServerId())
                && a.findSensorNumber().isPresent() && a.findSensorNumber().equals(d.findSensorNumber())
                && a.findEventTypeCode().isPresent() && a.findEventTypeCode().equals(d.findEventTypeCode())
                && a.findEventOffset().isPresent() && a.findEventOffset().get().equals(d.findEventOffset().orElse(0))
                && (d.findEventTime().isEmpty() || a.findEventTime().isEmpty()
                    || !a.findEventTime().get().isAfter(d.findEventTime().get()));
    }

    /** Rows stored by earlier polls, some of them already closed. */
    private static Map<String, Row> tableOf(List<SelEvent> earlier, Random random) {
        Map<String, Row> table = new LinkedHashMap<>();
        for (SelEvent e : earlier) {
            table.put(InsertChunks.key(e.getServerId(), e.getFingerprint()),
                    new Row(e, random.nextInt(4) == 0 ? T0.minusDays(1) : null));
        }
        return table;
    }

    private static List<String> describe(Map<String, Row> table) {
        return table.values().stream()
                .map(r -> r.event.getRecordId() + ":" + (r.resolvedAt == null ? "open" : r.resolvedAt.toString()))
                .collect(Collectors.toList());
    }

    private static List<SelEvent> randomEvents(Random random, int n, String prefix) {
        List<SelEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int recordId = (prefix.equals("old") ? 1000 : 0) + i + 1;
            Integer minute = random.nextInt(10) == 0 ? null : random.nextInt(4);
            Integer offset = random.nextInt(10) == 0 ? null : random.nextInt(2) * 2;
            Integer eventType = random.nextInt(15) == 0 ? null : 1;
            SelEvent e = new SelEvent(random.nextInt(4) == 0 ? 8L : 7L, recordId, 2,
                    minute == null ? null : T0.plusMinutes(minute), null, false, "Fan", 4,
                    random.nextInt(15) == 0 ? null : 0x30 + random.nextInt(2), "FAN", eventType, offset,
                    random.nextInt(3) == 0, "x", null, "00", prefix + recordId, T0);
            events.add(e);
        }
        return events;
    }

    private static SelEvent event(int recordId, int minute, int sensor, int offset, boolean deassertion) {
        return new SelEvent(7L, recordId, 2, T0.plusMinutes(minute), null, false, "Fan", 4, sensor, "FAN", 1, offset,
                deassertion, "x", null, "00", "fp" + recordId, T0);
    }
}
