package com.ipmimonitor.alerting.control;

import java.util.List;

/** What one evaluation decided: conditions to open as alerts, and ids of firing alerts that no longer hold. */
public record Evaluation(List<AlertOpening> open, List<Long> resolve) {
}
