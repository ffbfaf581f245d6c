package com.ipmimonitor.redfish.boundary;

/**
 * An admin trusted the certificate a Redfish BMC presented instead of its pin (fired in that transaction). Collection
 * observes it to poll the server soon: redfish cannot call collection, which calls redfish to poll.
 */
public record CertificateAccepted(long serverId) {
}
