package com.ipmimonitor.ipmi;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** Event texts as ipmitool prints them, in both directions: codes to text and elist text back to codes. */
public final class SelEventDescriptions {

    private static final int DATA2_SPECIFIED_MASK = 0xC0;

    private SelEventDescriptions() {
    }

    /** The text ipmitool prints for a standard event, or "Unknown event offset 0xNN". */
    public static String describe(int sensorType, int eventTypeCode, int data1, int data2) {
        int offset = data1 & 0x0F;
        return candidatesFor(sensorType, eventTypeCode)
                .filter(e -> e.offset() == offset)
                .filter(e -> e.data() == EventText.ANY_DATA
                        || ((data1 & DATA2_SPECIFIED_MASK) != 0 && e.data() == data2))
                .findFirst()
                .map(EventText::text)
                .orElse(String.format("Unknown event offset 0x%02x", offset));
    }

    /**
     * Recovers the event code from an elist line's type name and description. Sensor-specific texts of that type win
     * over threshold and generic texts. A vendor suffix after the table text (e.g. a DIMM label) is tolerated.
     */
    public static Optional<SelEventCode> resolve(String sensorTypeName, String description) {
        OptionalInt sensorType = SensorTypeNames.codeOf(sensorTypeName);
        String wanted = description.trim().toLowerCase(Locale.ROOT);
        Stream<EventText> specific = sensorType.isPresent()
                ? SensorSpecificEventTexts.ALL.stream().filter(e -> e.code() == sensorType.getAsInt())
                : Stream.empty();
        Optional<SelEventCode> found = bestMatch(specific, wanted)
                .map(e -> new SelEventCode(e.code(), SensorSpecificEventTexts.SENSOR_SPECIFIC, e.offset()));
        if (found.isPresent()) {
            return found;
        }
        int type = sensorType.orElse(0);
        return bestMatch(GenericEventTexts.ALL.stream(), wanted)
                .map(e -> new SelEventCode(type, e.code(), e.offset()));
    }

    private static Optional<EventText> bestMatch(Stream<EventText> texts, String wanted) {
        return texts
                .filter(e -> matches(e.text().toLowerCase(Locale.ROOT), wanted))
                .max(Comparator.comparingInt(e -> e.text().length()));
    }

    private static boolean matches(String text, String wanted) {
        return wanted.equals(text) || wanted.startsWith(text + " ");
    }

    private static Stream<EventText> candidatesFor(int sensorType, int eventTypeCode) {
        if (eventTypeCode == SensorSpecificEventTexts.SENSOR_SPECIFIC) {
            return SensorSpecificEventTexts.ALL.stream().filter(e -> e.code() == sensorType);
        }
        return GenericEventTexts.ALL.stream().filter(e -> e.code() == eventTypeCode);
    }
}
