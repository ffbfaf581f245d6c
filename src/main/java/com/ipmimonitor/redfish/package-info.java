/**
 * Redfish: reading BMCs that no longer speak IPMI over LAN (iDRAC 9, iLO 5/6, OpenBMC) over HTTPS. For now the
 * client (sessions, trust on first use, failure kinds), the incremental log reader and the pure mapping of
 * Redfish JSON to neutral records; collection does not call it yet (see docs/redfish.md).
 */
package com.ipmimonitor.redfish;
