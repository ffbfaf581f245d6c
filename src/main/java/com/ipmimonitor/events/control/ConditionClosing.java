package com.ipmimonitor.events.control;

import com.ipmimonitor.events.entity.SelEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which deassertion closes which asserted event, in Java: the rule of the close UPDATE in ConditionCloser (same server,
 * sensor, event type and offset, the assertion not later than the deassertion, or either untimed). Knowing it
 * before an INSERT lets an assertion that a deassertion of the same statement closes be stored closed, instead of
 * stored open and rewritten by the UPDATE (a non-HOT update: a new row version in every index of sel_event).
 */
public final class ConditionClosing {

    private ConditionClosing() {
    }

    /** Server, sensor, event type and offset as the close matches them (a deassertion without offset: 0). */
    public static List<Object> conditionOf(SelEvent e) {
        return Arrays.asList(e.getServerId(), e.findSensorNumber().orElse(null), e.findEventTypeCode().orElse(null),
                e.isDeassertion() ? e.findEventOffset().orElse(0) : e.findEventOffset().orElse(null));
    }

    /** Whether the deassertion names a sensor condition at all (OEM records and records without sensor do not). */
    public static boolean closesSomething(SelEvent deassertion) {
        return deassertion.findSensorNumber().isPresent() && deassertion.findEventTypeCode().isPresent();
    }

    /** Whether closing for the deassertion would close e if e were stored and open: the close UPDATE's WHERE. */
    public static boolean wouldClose(SelEvent deassertion, SelEvent e) {
        if (e.isDeassertion() || !closesSomething(deassertion)
                || !Objects.equals(e.getServerId(), deassertion.getServerId())
                || !e.findSensorNumber().equals(deassertion.findSensorNumber())
                || !e.findEventTypeCode().equals(deassertion.findEventTypeCode())
                || !e.findEventOffset().equals(Optional.of(deassertion.findEventOffset().orElse(0)))) {
            return false;
        }
        return deassertion.findEventTime()
                .map(at -> e.findEventTime().map(t -> !t.isAfter(at)).orElse(true))
                .orElse(true);
    }

    /**
     * For the records of one statement, the deassertion among closing (the statement's deassertions, in list
     * order) that the close UPDATE after it would close each one with: the first that matches. Only timed
     * closers are returned: an untimed one closes at the transaction's time, which the UPDATE stamps. Keyed by
     * identity (a re-read record may be the same object twice).
     */
    public static Map<SelEvent, SelEvent> closers(List<SelEvent> records, List<SelEvent> closing) {
        Map<List<Object>, List<SelEvent>> byCondition = new HashMap<>();
        for (SelEvent d : closing) {
            byCondition.computeIfAbsent(conditionOf(d), k -> new ArrayList<>()).add(d);
        }
        Map<SelEvent, SelEvent> closers = new IdentityHashMap<>();
        for (SelEvent e : records) {
            if (!e.isDeassertion()) {
                byCondition.getOrDefault(conditionOf(e), List.of()).stream().filter(d -> wouldClose(d, e)).findFirst()
                        .filter(d -> d.findEventTime().isPresent())
                        .ifPresent(d -> closers.put(e, d));
            }
        }
        return closers;
    }
}
