package com.ipmimonitor.ipmi;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A discrete sensor's state word from {@code ipmitool sensor} ("0x0300") in the words {@code ipmitool sdr elist}
 * uses ("Presence detected, Failure detected"). ipmitool prints the two state bytes of Get Sensor Reading in
 * order: the first holds offsets 0-7, the second offsets 8-14. Like ipmitool, each asserted offset is named from
 * the sensor-specific table of the sensor's type (the rows that do not depend on event data 2), in table order.
 */
public final class SensorStates {

    private static final Pattern STATE_WORD = Pattern.compile("0x[0-9a-fA-F]{1,4}");

    private SensorStates() {
    }

    /**
     * The asserted states, "" when none is; empty when the word is not one, or the type has no sensor-specific
     * table (OEM types, sensors read with a generic event type).
     */
    public static Optional<String> describe(int sensorType, String stateWord) {
        if (stateWord == null || !STATE_WORD.matcher(stateWord.strip()).matches()) {
            return Optional.empty();
        }
        int word = Integer.parseInt(stateWord.strip().substring(2), 16);
        int offsets = ((word >> 8) & 0xFF) | ((word & 0x7F) << 8);
        List<EventText> table = SensorSpecificEventTexts.ALL.stream()
                .filter(t -> t.code() == sensorType && t.data() == EventText.ANY_DATA).toList();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(table.stream().filter(t -> (offsets & (1 << t.offset())) != 0).map(EventText::text)
                .distinct().collect(Collectors.joining(", ")));
    }

    /**
     * The state word {@code ipmitool sensor} would print ("0x0300") for the states {@code ipmitool -v sdr elist}
     * names ("Presence detected", "Failure detected"): the inverse of describe. A text the type's table does not
     * hold sets no bit (bit 7 of the second byte, reserved, is never known from the text).
     */
    public static String word(int sensorType, List<String> assertedStates) {
        List<EventText> table = SensorSpecificEventTexts.ALL.stream()
                .filter(t -> t.code() == sensorType && t.data() == EventText.ANY_DATA).toList();
        int offsets = 0;
        for (String state : assertedStates) {
            for (EventText t : table) {
                if (t.text().equalsIgnoreCase(state.strip())) {
                    offsets |= 1 << t.offset();
                    break;
                }
            }
        }
        return String.format("0x%02x%02x", offsets & 0xFF, offsets >> 8 & 0x7F);
    }

    /**
     * The state word for the states a plain {@code ipmitool sdr elist} prints ("Presence detected, Failure
     * detected"): ipmitool joins the names with ", " in table order, and some names hold ", " themselves ("AC
     * out-of-range, but present"), so the text is consumed name by name in table order rather than split.
     */
    public static String wordOfListed(int sensorType, String listed) {
        String rest = listed.strip();
        int offsets = 0;
        for (EventText t : SensorSpecificEventTexts.ALL) {
            if (rest.isEmpty()) {
                break;
            }
            int n = t.text().length();
            if (t.code() == sensorType && t.data() == EventText.ANY_DATA && rest.regionMatches(true, 0, t.text(), 0, n)
                    && (rest.length() == n || rest.startsWith(", ", n))) {
                offsets |= 1 << t.offset();
                rest = rest.substring(Math.min(rest.length(), n + 2));
            }
        }
        return String.format("0x%02x%02x", offsets & 0xFF, offsets >> 8 & 0x7F);
    }
}
