/**
 * Redfish: reading BMCs that no longer speak IPMI over LAN (iDRAC 9, iLO 5/6, OpenBMC) over HTTPS. control holds the
 * client (sessions, trust on first use, failure kinds), the incremental log reader and the pure mapping of Redfish
 * JSON to neutral records; boundary is what collection calls: RedfishPolls (one kept client per server), the log
 * cursors and the pinned certificates (see docs/redfish.md).
 */
package com.ipmimonitor.redfish;
