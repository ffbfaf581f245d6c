/**
 * Sensor readings with the BMC's own thresholds, DCMI power draw, the sensor-number-to-name map that names ECC events, and retention.
 */
package com.ipmimonitor.sensors;
