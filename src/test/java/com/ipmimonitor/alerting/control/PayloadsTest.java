package com.ipmimonitor.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.Severity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The webhook bodies (generic and Alertmanager v2) and the e-mail text. */
class PayloadsTest {

    private static final OffsetDateTime STARTED = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 123_456_789, ZoneOffset.ofHours(2));
    private static final OffsetDateTime RESOLVED = STARTED.plusMinutes(5);

    private static Notification notice(boolean resolved) {
        return new Notification(42, "IpmiSelEvent", "sel_event", Severity.CRITICAL, resolved, "gpu-01", "10.0.0.7",
                "gpu-01: Lower Critical going low | Asserted [FAN2] \"quoted\"",
                "Critical event in the SEL of gpu-01 (10.0.0.7)", STARTED,
                resolved ? Optional.of(RESOLVED) : Optional.empty(), Optional.of("https://ipmi.example.org/alerts"), false);
    }

    @Test
    void alertmanagerBodyIsAnArrayWithLabelsAnnotationsAndRfc3339StartsAt() {
        JsonArray body = array(AlertmanagerPayload.of(notice(false)));
        assertEquals(1, body.size());
        JsonObject alert = body.getJsonObject(0);
        JsonObject labels = alert.getJsonObject("labels");
        assertEquals("IpmiSelEvent", labels.getString("alertname"));
        assertEquals("critical", labels.getString("severity"));
        assertEquals("10.0.0.7", labels.getString("instance"));
        assertEquals("gpu-01", labels.getString("server"));
        assertEquals("sel_event", labels.getString("rule"));
        assertEquals("42", labels.getString("alert_id"), "Alertmanager labels are strings");
        labels.values().forEach(v -> assertEquals(jakarta.json.JsonValue.ValueType.STRING, v.getValueType()));
        assertEquals("gpu-01: Lower Critical going low | Asserted [FAN2] \"quoted\"",
                alert.getJsonObject("annotations").getString("summary"));
        assertEquals("Critical event in the SEL of gpu-01 (10.0.0.7)", alert.getJsonObject("annotations").getString("description"));
        assertEquals("2026-03-01T10:00:00.123Z", alert.getString("startsAt"));
        assertEquals(STARTED.toInstant().toEpochMilli(), Instant.parse(alert.getString("startsAt")).toEpochMilli());
        assertFalse(alert.containsKey("endsAt"), "a firing alert has no end");
        assertEquals("https://ipmi.example.org/alerts", alert.getString("generatorURL"));
    }

    @Test
    void alertmanagerResolvedNoticeCarriesEndsAt() {
        JsonObject alert = array(AlertmanagerPayload.of(notice(true))).getJsonObject(0);
        assertEquals("2026-03-01T10:05:00.123Z", alert.getString("endsAt"));
        assertEquals("2026-03-01T10:00:00.123Z", alert.getString("startsAt"));
    }

    @Test
    void withoutABaseUrlThereIsNoGeneratorUrl() {
        Notification n = new Notification(1, "IpmiBmcUnreachable", "bmc_unreachable", Severity.CRITICAL, false, "a", "b",
                "s", "d", STARTED, Optional.empty(), Optional.empty(), false);
        assertFalse(array(AlertmanagerPayload.of(n)).getJsonObject(0).containsKey("generatorURL"));
    }

    @Test
    void genericBodyHasStatusAndTheAlert() {
        JsonObject firing = object(GenericPayload.of(notice(false)));
        assertEquals("firing", firing.getString("status"));
        assertFalse(firing.getBoolean("test"));
        JsonObject alert = firing.getJsonObject("alert");
        assertEquals(42, alert.getInt("id"));
        assertEquals("critical", alert.getString("severity"));
        assertEquals("10.0.0.7", alert.getString("bmc_ip"));
        assertTrue(alert.isNull("resolved_at"));
        JsonObject resolved = object(GenericPayload.of(notice(true)));
        assertEquals("resolved", resolved.getString("status"));
        assertEquals("2026-03-01T10:05:00.123Z", resolved.getJsonObject("alert").getString("resolved_at"));
    }

    @Test
    void testNoticeSaysSo() {
        Notification test = Notification.test("ops", STARTED, Optional.empty());
        assertTrue(object(GenericPayload.of(test)).getBoolean("test"));
        assertTrue(MailText.of(test).subject().startsWith("[TEST] "));
    }

    @Test
    void mailSubjectTellsStateAndSeverityOnOneLine() {
        assertEquals("[FIRING CRITICAL] gpu-01: Lower Critical going low | Asserted [FAN2] \"quoted\"",
                MailText.of(notice(false)).subject());
        assertTrue(MailText.of(notice(true)).subject().startsWith("[RESOLVED] gpu-01"));
        MailText text = MailText.of(notice(true));
        assertTrue(text.body().contains("Resolved: 2026-03-01T10:05:00.123Z"), text.body());
        assertTrue(text.body().contains("https://ipmi.example.org/alerts"), text.body());
        Notification hostile = new Notification(1, "IpmiSelEvent", "sel_event", Severity.WARNING, false, "x", "y",
                "x: evil\r\nBcc: victim@example.org", "d", STARTED, Optional.empty(), Optional.empty(), false);
        assertEquals("[FIRING WARNING] x: evil Bcc: victim@example.org", MailText.of(hostile).subject());
    }

    private static JsonArray array(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
