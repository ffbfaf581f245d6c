package com.ipmimonitor.ipmi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `ipmitool dcmi power reading`. BMCs without DCMI power management answer "Invalid command" (handled by the
 * caller); BMCs whose power measurement is off print the numbers but "Power reading state is: deactivated",
 * and those numbers are meaningless, so they count as no reading.
 */
public final class DcmiPowerParser {

    private static final Pattern CURRENT = Pattern.compile("Instantaneous power reading:\\s+(\\d+) Watts");
    private static final Pattern MINIMUM = Pattern.compile("Minimum during sampling period:\\s+(\\d+) Watts");
    private static final Pattern MAXIMUM = Pattern.compile("Maximum during sampling period:\\s+(\\d+) Watts");
    private static final Pattern AVERAGE = Pattern.compile("Average power reading over sample period:\\s+(\\d+) Watts");

    private DcmiPowerParser() {
    }

    public static Optional<PowerReading> parse(String stdout) {
        if (stdout.contains("Power reading state is:") && stdout.contains("deactivated")) {
            return Optional.empty();
        }
        Matcher current = CURRENT.matcher(stdout);
        if (!current.find()) {
            throw new IpmitoolParseException("no instantaneous power reading", stdout.strip());
        }
        int now = watts(current);
        return Optional.of(new PowerReading(now, value(MINIMUM, stdout, now), value(MAXIMUM, stdout, now),
                value(AVERAGE, stdout, now)));
    }

    private static int value(Pattern p, String text, int fallback) {
        Matcher m = p.matcher(text);
        return m.find() ? watts(m) : fallback;
    }

    // \d+ also matches digits past int range: garbage, not a reading to clamp
    private static int watts(Matcher m) {
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new IpmitoolParseException("power reading out of range", m.group(), e);
        }
    }
}
