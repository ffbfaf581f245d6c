package com.ipmimonitor.redfish.entity;

import java.util.OptionalDouble;

/**
 * A reading's thresholds in the IPMI order: Redfish Fatal is IPMI non-recoverable, Critical is critical,
 * Caution (legacy NonCritical) is non-critical.
 */
public record Thresholds(OptionalDouble lowerNonRecoverable, OptionalDouble lowerCritical,
                         OptionalDouble lowerNonCritical, OptionalDouble upperNonCritical,
                         OptionalDouble upperCritical, OptionalDouble upperNonRecoverable) {

    public static final Thresholds NONE = new Thresholds(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
}
