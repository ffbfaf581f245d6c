/**
 * Sensor readings with the BMC's own thresholds, DCMI power draw and the sensor-number-to-name map that names ECC
 * events. How long readings are kept is the retention feature's business.
 */
package com.ipmimonitor.sensors;
