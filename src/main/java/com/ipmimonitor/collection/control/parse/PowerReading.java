package com.ipmimonitor.collection.control.parse;

/** A DCMI power reading, in watts. */
public record PowerReading(int currentWatts, int minimumWatts, int maximumWatts, int averageWatts) {
}
