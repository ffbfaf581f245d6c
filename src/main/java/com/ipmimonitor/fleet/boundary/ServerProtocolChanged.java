package com.ipmimonitor.fleet.boundary;

/**
 * A CDI event: an operator changed how a server's BMC is read. What an auto probe found for the old setting no
 * longer holds; collection, which stores that, observes this in the same transaction.
 */
public record ServerProtocolChanged(long serverId) {
}
