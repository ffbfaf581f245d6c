package com.ipmimonitor.observability.control;

/** The latest value of one sensor; kind is TEMPERATURE, FAN, VOLTAGE, POWER, ... */
public record SensorFact(String bmcIp, String serverName, String sensorName, String kind, double value) {
}
