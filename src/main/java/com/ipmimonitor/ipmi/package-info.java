/**
 * Plain-Java IPMI knowledge used by collection, events, sensors and alerting: parsers of ipmitool output, SEL record
 * decoding, sensor conversion and state words, and the severity of SEL events and sensor readings (no jakarta.*, no
 * I/O, no clock; the caller passes the time).
 */
package com.ipmimonitor.ipmi;
