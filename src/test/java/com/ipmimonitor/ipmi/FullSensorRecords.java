package com.ipmimonitor.ipmi;

/** Full Sensor Records for tests of what is converted with them. */
public final class FullSensorRecords {

    private FullSensorRecords() {
    }

    /** FAN2 (sensor 0x11, a fan, threshold-based): M = 100 RPM, so a raw reading of 4 is 400 RPM. */
    public static byte[] fan2() {
        byte[] sdr = new byte[48];
        sdr[3] = 0x01;
        sdr[4] = 43;
        sdr[5] = 0x20;
        sdr[7] = 0x11;
        sdr[12] = 0x04;
        sdr[13] = 0x01;
        sdr[21] = 18;
        sdr[24] = 100;
        return sdr;
    }
}
