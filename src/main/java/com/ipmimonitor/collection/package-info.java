/**
 * Polling BMCs with ipmitool: the timer and lease-based dispatch (PollScheduler, PollLeases), one poll of one BMC (BmcPoller: state probe, incremental SEL walk, SDR names, sensors, DCMI), the health check of the poll timer (CollectorTimerHealth) and POST /api/collect and /api/sensors/collect; the ipmitool parsers are in ipmi.
 */
package com.ipmimonitor.collection;
