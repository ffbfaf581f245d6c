package com.ipmimonitor.ipmi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The reading conversion of one SDR Full Sensor Record (IPMI 2.0 section 36.3, table 43-1): raw byte to value
 * and unit, computed as ipmitool 1.8.19 does (sdr_convert_sensor_reading, ipmi_sdr_get_unit_string).
 *
 * @param rawHex the whole record, header included, as stored to decode it again without the BMC
 */
public record SensorConversion(int ownerId, int sensorNumber, int sensorType, int analogFormat, int linearization,
                               int m, int b, int bExponent, int rExponent, boolean percentage, int modifierRelation,
                               int baseUnit, int modifierUnit, String rawHex) {

    public static final int FULL_SENSOR_RECORD = 0x01;
    /** Header (5) plus every byte up to and including the exponents (offset 29). */
    static final int MIN_LENGTH = 30;
    private static final int UNSIGNED = 0;
    private static final int ONES_COMPLEMENT = 1;
    private static final int TWOS_COMPLEMENT = 2;

    /** Empty when the bytes are no Full Sensor Record (another record type, or cut short). */
    public static Optional<SensorConversion> fromRecord(byte[] r) {
        if (r.length < MIN_LENGTH || u8(r, 3) != FULL_SENSOR_RECORD) {
            return Optional.empty();
        }
        int units1 = u8(r, 20);
        return Optional.of(new SensorConversion(u8(r, 5), u8(r, 7), u8(r, 12), units1 >> 6 & 0x3, u8(r, 23) & 0x7F,
                signed(u8(r, 24) | (u8(r, 25) & 0xC0) << 2, 10), signed(u8(r, 26) | (u8(r, 27) & 0xC0) << 2, 10),
                signed(u8(r, 29) & 0x0F, 4), signed(u8(r, 29) >> 4, 4), (units1 & 0x01) != 0, units1 >> 1 & 0x3,
                u8(r, 21), u8(r, 22), HexFormat.of().formatHex(r)));
    }

    public static Optional<SensorConversion> fromHex(String hex) {
        try {
            return fromRecord(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** ipmitool looks the SDR up by the event's generator (its slave address), sensor number and sensor type. */
    public boolean describes(SelRecord r) {
        return ownerId == (r.generatorId() & 0xFF) && sensorNumber == r.sensorNumber() && sensorType == r.sensorType();
    }

    /** y = L[(M * x + B * 10^K1) * 10^K2], in double as ipmitool computes it; 0 for a sensor that is not analog. */
    public double convert(int raw) {
        int x = raw & 0xFF;
        double linear;
        switch (analogFormat) {
            case UNSIGNED -> linear = (m * x + b * Math.pow(10, bExponent)) * Math.pow(10, rExponent);
            case ONES_COMPLEMENT, TWOS_COMPLEMENT -> {
                // ipmitool turns 1's complement into 2's by adding one to negative values
                int v = analogFormat == ONES_COMPLEMENT && (x & 0x80) != 0 ? x + 1 & 0xFF : x;
                linear = (m * (byte) v + b * Math.pow(10, bExponent)) * Math.pow(10, rExponent);
            }
            default -> {
                return 0.0;
            }
        }
        return linearized(linear);
    }

    private double linearized(double y) {
        return switch (linearization) {
            case 0x01 -> Math.log(y);
            case 0x02 -> Math.log10(y);
            case 0x03 -> Math.log(y) / Math.log(2.0);
            case 0x04 -> Math.exp(y);
            case 0x05 -> Math.pow(10.0, y);
            case 0x06 -> Math.pow(2.0, y);
            case 0x07 -> Math.pow(y, -1.0);
            case 0x08 -> Math.pow(y, 2.0);
            case 0x09 -> Math.pow(y, 3.0);
            case 0x0A -> Math.sqrt(y);
            case 0x0B -> Math.cbrt(y);
            default -> y;
        };
    }

    public String unit() {
        return SensorUnits.text(percentage, modifierRelation, baseUnit, modifierUnit);
    }

    /**
     * A value as ipmitool's "%.*f" prints it: ipmitool keeps it in a float, and prints no decimals when that float
     * is a whole number, else two, rounding the float's exact value half to even as glibc does.
     */
    static String format(double value) {
        float f = (float) value;
        if (Float.isNaN(f)) {
            return "-nan"; // what glibc prints for the NaN of log(negative)
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "inf" : "-inf";
        }
        int decimals = f == (int) f ? 0 : 2;
        String text = new BigDecimal(f).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negativeZero = Float.floatToRawIntBits(f) == Integer.MIN_VALUE;
        return negativeZero || f < 0 && !text.startsWith("-") ? "-" + text : text;
    }

    private static int signed(int value, int bits) {
        int sign = 1 << bits - 1;
        return (value & sign) != 0 ? value - (1 << bits) : value;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
