package com.ipmimonitor.ipmi;

import com.ipmimonitor.ipmi.SensorConversion;
import com.ipmimonitor.ipmi.SensorRow;
import com.ipmimonitor.ipmi.SensorStates;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sensor readings from {@code ipmitool -v -S <cache> sdr elist}, as the rows {@code ipmitool sensor} prints.
 * ipmitool 1.8.19's {@code sensor} re-reads the whole SDR from the BMC on every run and ignores {@code -S}
 * (132 messages for the simulator's 25 sensors against 35 for this listing), so a poll reads its sensors with the
 * cached SDR instead, in the probe's own session. One block per sensor:
 * <pre>
 * Sensor ID              : FAN2 (0x11)
 *  Sensor Type (Threshold)  : Fan (0x04)
 *  Sensor Reading        : 400 (+/- 0) RPM
 *  Status                : Lower Critical
 *  Readable Thresholds   : lnr lcr lnc
 * Sensor ID              : PS2 Status (0x41)
 *  Sensor Type (Discrete): Power Supply (0x08)
 *  States Asserted       : Power Supply
 *                          [Presence detected]
 *                          [Failure detected]
 * </pre>
 * This listing prints no threshold values: they are taken from the cached SDR's Full Sensor Record (bytes 36-41,
 * converted like a reading), for the thresholds the listing calls readable, as {@code sensor} shows "na" for the
 * others. Blocks of other records (MC and FRU locators) and lines of other commands are skipped.
 */
public final class SdrSensorReadings {

    private static final Pattern SENSOR_ID = Pattern.compile("^Sensor ID\\s*:\\s*(.*?)\\s*\\(0x([0-9a-fA-F]{1,2})\\)\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\s+([^:\\[]+?)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern TYPE_CODE = Pattern.compile("\\(0x([0-9a-fA-F]{1,2})\\)\\s*$");
    private static final Pattern READING = Pattern.compile("^([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*\\(\\+/-[^)]*\\)\\s*(.*)$");
    private static final Pattern STATE = Pattern.compile("^\\s+\\[(.*)\\]\\s*$");
    /** Offsets of UNR, UC, UNC, LNR, LC, LNC in a Full Sensor Record, header included (IPMI 2.0 table 43-1). */
    private static final int UNR_AT = 36;
    private static final List<String> THRESHOLD_ORDER = List.of("lnr", "lcr", "lnc", "unc", "ucr", "unr");

    private SdrSensorReadings() {
    }

    /** The first "Sensor ID" line onwards: the listing's part of an exec output that begins with other commands. */
    public static String listingIn(String execOutput) {
        int at = execOutput.startsWith("Sensor ID") ? 0 : execOutput.indexOf("\nSensor ID");
        return at < 0 ? "" : execOutput.substring(at == 0 ? 0 : at + 1);
    }

    /** Everything before the listing (see listingIn). */
    public static String beforeListing(String execOutput) {
        return execOutput.substring(0, execOutput.length() - listingIn(execOutput).length());
    }

    public static List<SensorRow> parse(String stdout, List<SensorConversion> fullRecords) {
        Map<Integer, SensorConversion> records = fullRecords.stream()
                .collect(Collectors.toMap(SensorConversion::sensorNumber, Function.identity(), (a, b) -> a));
        List<SensorRow> rows = new ArrayList<>();
        Block block = null;
        String field = null;
        for (String line : stdout.split("\\R")) {
            Matcher id = SENSOR_ID.matcher(line);
            if (id.matches()) {
                addTo(rows, block, records);
                block = new Block(id.group(1), Integer.parseInt(id.group(2), 16));
                field = null;
                continue;
            }
            if (block == null) {
                continue;
            }
            if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                addTo(rows, block, records);
                block = null;
                continue;
            }
            Matcher state = STATE.matcher(line);
            if (state.matches()) {
                if ("States Asserted".equals(field)) {
                    block.states.add(state.group(1));
                }
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.matches()) {
                field = f.group(1);
                block.set(field, f.group(2));
            }
        }
        addTo(rows, block, records);
        return rows;
    }

    private static void addTo(List<SensorRow> rows, Block block, Map<Integer, SensorConversion> records) {
        if (block != null && block.type != null) {
            rows.add(block.row(records.get(block.number)));
        }
    }

    /** One sensor's block as read so far. */
    private static final class Block {
        final String name;
        final int number;
        Boolean discrete;
        Integer type;
        String reading = "";
        String status = "";
        Set<String> readable = Set.of();
        final List<String> states = new ArrayList<>();

        Block(String name, int number) {
            this.name = name;
            this.number = number;
        }

        void set(String field, String value) {
            if (field.startsWith("Sensor Type")) {
                discrete = !field.contains("Threshold");
                Matcher code = TYPE_CODE.matcher(value);
                type = code.find() ? Integer.parseInt(code.group(1), 16) : -1;
            } else if (field.equals("Sensor Reading")) {
                reading = value;
            } else if (field.equals("Status")) {
                status = value;
            } else if (field.equals("Readable Thresholds")) {
                readable = Set.of(value.toLowerCase(Locale.ROOT).split("\\s+"));
            }
        }

        SensorRow row(SensorConversion record) {
            if (discrete) {
                return new SensorRow(name, OptionalDouble.empty(), "discrete", "", true, SensorStates.word(type, states),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), OptionalDouble.empty());
            }
            Matcher r = READING.matcher(reading);
            OptionalDouble value = r.matches() ? finite(Double.parseDouble(r.group(1))) : OptionalDouble.empty();
            String unit = r.matches() ? r.group(2).strip() : "";
            List<OptionalDouble> t = thresholds(record);
            return new SensorRow(name, value, unit, value.isPresent() ? statusWord(status) : "na", false, "",
                    t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5));
        }

        /** lnr, lcr, lnc, unc, ucr, unr, as `sensor` orders them, rounded as it prints them (3 decimals). */
        private List<OptionalDouble> thresholds(SensorConversion record) {
            byte[] bytes = record == null ? new byte[0] : HexFormat.of().parseHex(record.rawHex());
            List<OptionalDouble> out = new ArrayList<>();
            for (String name : THRESHOLD_ORDER) {
                // bytes 36..41 hold unr, ucr, unc, lnr, lcr, lnc
                int at = UNR_AT + List.of("unr", "ucr", "unc", "lnr", "lcr", "lnc").indexOf(name);
                out.add(readable.contains(name) && bytes.length > at
                        ? OptionalDouble.of(Math.round(record.convert(bytes[at] & 0xFF) * 1000) / 1000.0)
                        : OptionalDouble.empty());
            }
            return out;
        }
    }

    /** The verbose status ("Lower Critical") in the word `sensor` prints ("cr"). */
    static String statusWord(String verbose) {
        String s = verbose.toLowerCase(Locale.ROOT);
        if (s.equals("ok")) {
            return "ok";
        }
        if (s.contains("non-recoverable")) {
            return "nr";
        }
        if (s.contains("non-critical")) {
            return "nc";
        }
        if (s.contains("critical")) {
            return "cr";
        }
        return s.isEmpty() ? "na" : s;
    }

    private static OptionalDouble finite(double d) {
        return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    }
}
