package com.ipmimonitor.events.control;

import com.ipmimonitor.events.entity.SelEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a poll's records are cut into multi-row INSERT statements so that the outcome is the one of one INSERT per
 * record in list order, and which of the records a statement stored close or were closed by mistake. Pure: the
 * caller runs the statements.
 */
public final class InsertChunks {

    private InsertChunks() {
    }

    /**
     * Splits the records into INSERT statements of at most max rows, in order. A deassertion closes the matching
     * asserted events already stored when it is stored; so that a record stored in the same statement after a
     * deassertion is not closed by it where one INSERT per record would have left it open, a record that the
     * deassertion's update would match starts a new statement.
     */
    public static List<List<SelEvent>> chunks(List<SelEvent> events, int max) {
        List<List<SelEvent>> chunks = new ArrayList<>();
        List<SelEvent> current = new ArrayList<>();
        // what the current chunk's deassertions close, by the condition they close: a record is checked against its
        // own only, in constant time (a 2,000-record SEL of one toggling sensor holds ~1,000 deassertions of a few
        // conditions, and a check against each of them was most of the CPU of this method)
        Map<List<Object>, Closing> deassertions = new HashMap<>();
        for (SelEvent e : events) {
            if (current.size() >= max || deassertions.getOrDefault(ConditionClosing.conditionOf(e), Closing.NONE).wouldClose(e)) {
                chunks.add(current);
                current = new ArrayList<>();
                deassertions.clear();
            }
            current.add(e);
            if (e.isDeassertion() && ConditionClosing.closesSomething(e)) {
                deassertions.computeIfAbsent(ConditionClosing.conditionOf(e), k -> new Closing()).add(e);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /**
     * The deassertions of one condition (ConditionClosing.conditionOf) summed up for ConditionClosing.wouldClose: of
     * a record of the same condition, one of them would close it exactly when the record is an assertion and either
     * of the two is untimed or the record is not later than the latest of them.
     */
    private static final class Closing {
        static final Closing NONE = new Closing();
        private boolean any;
        private boolean untimed;
        private OffsetDateTime latest;

        void add(SelEvent deassertion) {
            any = true;
            Optional<OffsetDateTime> at = deassertion.findEventTime();
            if (at.isEmpty()) {
                untimed = true;
            } else if (latest == null || at.get().isAfter(latest)) {
                latest = at.get();
            }
        }

        boolean wouldClose(SelEvent e) {
            if (!any || e.isDeassertion()) {
                return false;
            }
            Optional<OffsetDateTime> at = e.findEventTime();
            return untimed || at.isEmpty() || latest != null && !at.get().isAfter(latest);
        }
    }

    /** The deassertions of the chunk that the INSERT stored (see storedOf) and that name a sensor condition. */
    public static List<SelEvent> closingDeassertions(List<SelEvent> chunk, Set<String> inserted) {
        return storedOf(chunk, inserted).stream()
                .filter(e -> e.isDeassertion() && ConditionClosing.closesSomething(e)).toList();
    }

    /**
     * The inserted records that were stored closed by a deassertion the INSERT did not store (already stored by
     * an earlier poll): the UPDATE would not have closed them with it. Empty when every closer was stored, as on
     * any first read of a SEL.
     */
    public static List<SelEvent> storedClosedByMistake(List<SelEvent> chunk, Map<SelEvent, SelEvent> closers,
                                                       Set<String> inserted, List<SelEvent> closing) {
        Set<SelEvent> storedClosers = Collections.newSetFromMap(new IdentityHashMap<>());
        storedClosers.addAll(closing);
        return storedOf(chunk, inserted).stream()
                .filter(e -> closers.containsKey(e) && !storedClosers.contains(closers.get(e))).toList();
    }

    /**
     * The records of the chunk that the INSERT stored (their keys are in inserted), in list order. Of two equal
     * records in one chunk only the first was stored.
     */
    private static List<SelEvent> storedOf(List<SelEvent> chunk, Set<String> inserted) {
        Set<String> unclaimed = new HashSet<>(inserted);
        List<SelEvent> stored = new ArrayList<>();
        for (SelEvent e : chunk) {
            if (unclaimed.remove(key(e.getServerId(), e.getFingerprint()))) {
                stored.add(e);
            }
        }
        return stored;
    }

    /** The keys of the records, as the INSERT returns those it stored. */
    public static Set<String> keysOf(List<SelEvent> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(e -> keys.add(key(e.getServerId(), e.getFingerprint())));
        return keys;
    }

    /** A stored record's identity: its server and fingerprint (the unique key of sel_event). */
    public static String key(long serverId, String fingerprint) {
        return serverId + " " + fingerprint;
    }
}
