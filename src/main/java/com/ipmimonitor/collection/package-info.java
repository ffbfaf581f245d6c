/**
 * Polling BMCs with ipmitool: the timer and lease-based dispatch (PollScheduler, PollLeases), one poll of one BMC (BmcPoller: state probe, incremental SEL walk, SDR names, sensors, DCMI) and the pure parsers of ipmitool output under control.parse.
 */
package com.ipmimonitor.collection;
