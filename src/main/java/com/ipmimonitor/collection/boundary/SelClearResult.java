package com.ipmimonitor.collection.boundary;

/** What an archive-then-clear did to one server's SEL. */
public record SelClearResult(String bmcIp, boolean cleared, String message) {
}
