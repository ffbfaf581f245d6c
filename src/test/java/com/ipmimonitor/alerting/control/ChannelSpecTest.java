package com.ipmimonitor.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.alerting.entity.ChannelType;
import com.ipmimonitor.alerting.entity.WebhookFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelSpecTest {

    @Test
    void aWebhookKeepsItsUrlAndShowsOnlySchemeHostAndPort() {
        ChannelSpec spec = ChannelSpec.parse(" ops ", "Webhook", "https://hooks.example.org:8443/services/T0/B0/secret?x=1",
                "alertmanager", "Bearer abc", null).spec().orElseThrow();
        assertEquals("ops", spec.name());
        assertEquals(ChannelType.WEBHOOK, spec.type());
        assertEquals(Optional.of("https://hooks.example.org:8443/services/T0/B0/secret?x=1"), spec.url());
        assertEquals(Optional.of("https://hooks.example.org:8443/…"), spec.urlShown());
        assertEquals(Optional.of(WebhookFormat.ALERTMANAGER), spec.format());
        assertEquals(Optional.of("Bearer abc"), spec.authorization());
    }

    @Test
    void formatDefaultsToGenericAndABareHostShowsASlash() {
        ChannelSpec spec = ChannelSpec.parse("a", "webhook", "http://127.0.0.1:9093", "", "", null).spec().orElseThrow();
        assertEquals(Optional.of(WebhookFormat.GENERIC), spec.format());
        assertEquals(Optional.of("http://127.0.0.1:9093/"), spec.urlShown());
        assertEquals(Optional.empty(), spec.authorization());
    }

    @Test
    void badWebhooksListEveryProblem() {
        var result = ChannelSpec.parse("", "webhook", "ftp://example.org/x", "slack", "Bearer a\r\nX-Evil: 1", null);
        assertTrue(result.spec().isEmpty());
        assertEquals(4, result.problems().size(), result.problems().toString());
        for (String url : new String[] {null, "", "example.org/hook", "https://user:pw@example.org/", "http:///nohost", "not a url"}) {
            assertTrue(ChannelSpec.parse("a", "webhook", url, null, null, null).spec().isEmpty(), "accepted " + url);
        }
    }

    @Test
    void emailRecipientsAreSplitCheckedAndDeduplicated() {
        ChannelSpec spec = ChannelSpec.parse("mail", "email", null, null, null, "ops@example.org; oncall@example.org,ops@example.org")
                .spec().orElseThrow();
        assertEquals(List.of("ops@example.org", "oncall@example.org"), spec.recipients());
        var bad = ChannelSpec.parse("mail", "email", null, null, null, "ops@example.org, not-an-address, x@y@z");
        assertEquals(List.of("recipients: 'not-an-address' is not an e-mail address", "recipients: 'x@y@z' is not an e-mail address"),
                bad.problems());
        assertEquals(List.of("recipients: 1 to 20 e-mail addresses, separated by commas"),
                ChannelSpec.parse("mail", "email", null, null, null, " ").problems());
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertEquals(List.of("type: webhook or email"), ChannelSpec.parse("x", "sms", null, null, null, null).problems());
        assertEquals(List.of("type: webhook or email"), ChannelSpec.parse("x", null, null, null, null, null).problems());
    }
}
