package com.ipmimonitor.redfish.control;

import static com.ipmimonitor.redfish.control.JsonFields.bool;
import static com.ipmimonitor.redfish.control.JsonFields.object;
import static com.ipmimonitor.redfish.control.JsonFields.string;

import com.ipmimonitor.ipmi.Severity;
import com.ipmimonitor.redfish.entity.EventCondition;
import com.ipmimonitor.redfish.entity.RedfishEvent;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Redfish LogEntry (SEL, IML, EventLog) to a RedfishEvent. Severity comes from the entry (Severity, or
 * MessageSeverity in newer schemas), else from the registry's MessageId; an entry that reports a condition
 * cleared is INFO, as an IPMI deassertion is. No I/O.
 */
public final class LogEntryMapping {

    // OpenBMC registry: a high threshold crossed going low (or a low one going high) means the reading came back
    private static final Pattern THRESHOLD_BACK =
            Pattern.compile("SensorThreshold\\w*(HighGoingLow|LowGoingHigh)$");
    private static final Pattern THRESHOLD = Pattern.compile("SensorThreshold(Critical|Warning)(High|Low)Going(High|Low)$");
    private static final Pattern THRESHOLD_OUT =
            Pattern.compile("SensorThreshold(Critical|Warning)?\\w*(HighGoingHigh|LowGoingLow)$");

    private LogEntryMapping() {
    }

    public static RedfishEvent event(JsonObject entry) {
        String messageId = string(entry, "MessageId").orElse("");
        Optional<JsonObject> hpe = object(entry, "Oem").flatMap(oem -> object(oem, "Hpe"));
        boolean clears = string(entry, "EntryCode").filter("Deassert"::equalsIgnoreCase).isPresent()
                || THRESHOLD_BACK.matcher(messageId).find();
        boolean resolved = bool(entry, "Resolved").orElse(false)
                || hpe.flatMap(h -> bool(h, "Repaired")).orElse(false);
        Severity severity = clears ? Severity.INFO : severity(entry, messageId);
        Optional<String> sensorType = string(entry, "SensorType")
                .or(() -> hpe.flatMap(h -> string(h, "ClassDescription")));
        return new RedfishEvent(JsonFields.id(entry), JsonFields.instant(entry, "Created"),
                string(entry, "Message").orElse(""), messageId, severity, sensorType, clears, resolved,
                condition(entry, messageId));
    }

    /**
     * iDRAC SEL entries (EntryCode Assert/Deassert) name the IPMI sensor by SensorNumber; OpenBMC threshold messages
     * name the sensor in MessageArgs[0], and the condition is the threshold (critical/warning, high/low) crossed.
     */
    static Optional<EventCondition> condition(JsonObject entry, String messageId) {
        Optional<String> code = string(entry, "EntryCode")
                .filter(c -> c.equalsIgnoreCase("Assert") || c.equalsIgnoreCase("Deassert"));
        var number = JsonFields.number(entry, "SensorNumber");
        if (code.isPresent() && number.isPresent()) {
            return Optional.of(new EventCondition(string(entry, "SensorType").orElse(null),
                    (int) number.getAsDouble(), 0));
        }
        var threshold = THRESHOLD.matcher(messageId);
        List<String> args = JsonFields.strings(entry, "MessageArgs");
        if (threshold.find() && !args.isEmpty()) {
            String sensor = args.get(0);
            int offset = ("Critical".equals(threshold.group(1)) ? 0 : 2) + ("High".equals(threshold.group(2)) ? 0 : 1);
            // a 16-bit number of the name: stable across polls and restarts (String.hashCode is specified)
            return Optional.of(new EventCondition(sensor, (sensor.hashCode() & 0x7fff) | 0x8000, offset));
        }
        return Optional.empty();
    }

    static Severity severity(JsonObject entry, String messageId) {
        return string(entry, "Severity").or(() -> string(entry, "MessageSeverity"))
                .flatMap(LogEntryMapping::ofRedfish)
                .orElseGet(() -> fromMessageId(messageId));
    }

    /** Redfish Health values: OK, Warning, Critical. */
    static Optional<Severity> ofRedfish(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> Optional.of(Severity.CRITICAL);
            case "warning" -> Optional.of(Severity.WARNING);
            case "ok" -> Optional.of(Severity.INFO);
            default -> Optional.empty();
        };
    }

    /** For entries without a severity: the threshold ids of the OpenBMC and DMTF sensor registries name it. */
    static Severity fromMessageId(String messageId) {
        var out = THRESHOLD_OUT.matcher(messageId);
        if (out.find()) {
            return "Warning".equals(out.group(1)) ? Severity.WARNING : Severity.CRITICAL;
        }
        return Severity.INFO;
    }
}
