package com.ipmimonitor.ipmi;

/** A DCMI power reading, in watts. */
public record PowerReading(int currentWatts, int minimumWatts, int maximumWatts, int averageWatts) {
}
