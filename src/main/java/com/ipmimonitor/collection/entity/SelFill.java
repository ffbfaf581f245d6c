package com.ipmimonitor.collection.entity;

import java.util.Optional;

/**
 * How full a BMC's System Event Log is, as {@code sel info} said at the last poll. A full SEL on a real BMC
 * drops new hardware events (or, on some, overwrites the oldest), so the monitor stops learning about failures.
 *
 * @param percentUsed sel info's "Percent Used"; null when the BMC did not say (some print "unknown")
 * @param overflow    sel info's "Overflow": events were already lost
 */
public record SelFill(Integer percentUsed, boolean overflow) {

    /** From here on the SEL counts as full: the alert fires and the dashboard counts it. */
    public static final double NEARLY_FULL = 0.9;

    public static final SelFill UNKNOWN = new SelFill(null, false);

    /** 1 when the SEL overflowed (events were lost, however much was deleted since), else Percent Used / 100. */
    public Optional<Double> usedRatio() {
        if (overflow) {
            return Optional.of(1.0);
        }
        return Optional.ofNullable(percentUsed).map(p -> Math.min(100, Math.max(0, p)) / 100.0);
    }

    /** Overflowed or at least 90 % used: new hardware events are, or soon will be, lost. */
    public boolean full() {
        return usedRatio().map(r -> r >= NEARLY_FULL).orElse(false);
    }

    /** "SEL full, events lost", "SEL 93 % used", or "" when unknown. */
    public String describe() {
        if (overflow) {
            return "SEL full, events lost";
        }
        return Optional.ofNullable(percentUsed).map(p -> "SEL " + p + " % used").orElse("");
    }
}
