package com.ipmimonitor.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.alerting.entity.AlertRule;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.ipmi.Severity;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final RuleSettings SETTINGS = new RuleSettings(Severity.WARNING, Duration.ofSeconds(300), 3);
    private final AlertRules rules = new AlertRules(SETTINGS);

    private static ServerHealth ok(long id) {
        return new ServerHealth(id, "node" + id, "10.0.0." + id, true, Optional.of(PollOutcome.OK), Optional.empty(),
                Optional.of(NOW.minusSeconds(60)), NOW.minusDays(10));
    }

    private static ServerHealth failing(long id, PollOutcome outcome, OffsetDateTime lastSuccess) {
        return new ServerHealth(id, "node" + id, "10.0.0." + id, true, Optional.of(outcome), Optional.of("it broke"),
                Optional.of(lastSuccess), NOW.minusDays(10));
    }

    private static NewSelEvent event(long id, long server, Severity severity) {
        return new NewSelEvent(id, server, severity, "Lower Critical going low | Asserted [FAN2]",
                Optional.of(NOW.minusSeconds(30)), NOW.minusSeconds(5));
    }

    private static AlertFacts facts(List<ServerHealth> servers, List<NewSelEvent> events, List<CriticalSensor> sensors,
                                    Set<Long> closed, List<FiringAlert> firing) {
        return new AlertFacts(servers, events, sensors, closed, firing, NOW.minusDays(30));
    }

    @Test
    void criticalAndWarningSelEventsOpenOneAlertEachAndInfoDoesNot() {
        Evaluation e = rules.evaluate(facts(List.of(ok(1)), List.of(event(10, 1, Severity.CRITICAL),
                event(11, 1, Severity.WARNING), event(12, 1, Severity.INFO)), List.of(), Set.of(), List.of()), NOW);
        assertEquals(List.of("sel:10", "sel:11"), e.open().stream().map(AlertOpening::fingerprint).toList());
        AlertOpening critical = e.open().get(0);
        assertEquals(AlertRule.SEL_EVENT, critical.rule());
        assertEquals(Severity.CRITICAL, critical.severity());
        assertEquals(Optional.of(10L), critical.selEventId());
        assertEquals("node1: Lower Critical going low | Asserted [FAN2]", critical.summary());
        assertEquals(NOW.minusSeconds(30), critical.startedAt(), "starts when the BMC logged it");
        assertEquals(Severity.WARNING, e.open().get(1).severity());
    }

    @Test
    void withMinimumSeverityCriticalWarningsDoNotAlert() {
        var strict = new AlertRules(new RuleSettings(Severity.CRITICAL, Duration.ofSeconds(300), 3));
        Evaluation e = strict.evaluate(facts(List.of(ok(1)), List.of(event(10, 1, Severity.CRITICAL),
                event(11, 1, Severity.WARNING)), List.of(), Set.of(), List.of()), NOW);
        assertEquals(List.of("sel:10"), e.open().stream().map(AlertOpening::fingerprint).toList());
    }

    @Test
    void aConditionAlreadyFiringIsNotOpenedAgainAndStaysFiring() {
        List<FiringAlert> firing = List.of(new FiringAlert(1, AlertRule.SEL_EVENT, 1, "sel:10", Optional.of(10L)),
                new FiringAlert(2, AlertRule.SENSOR_CRITICAL, 1, "sensor:1:FAN2", Optional.empty()));
        Evaluation e = rules.evaluate(facts(List.of(ok(1)), List.of(event(10, 1, Severity.CRITICAL)),
                List.of(new CriticalSensor(1, "FAN2", 400.0, "RPM", "cr")), Set.of(), firing), NOW);
        assertEquals(List.of(), e.open());
        assertEquals(List.of(), e.resolve());
    }

    @Test
    void aSelAlertResolvesWhenItsEventIsDeassertedOrDeletedAndNotBefore() {
        List<FiringAlert> firing = List.of(new FiringAlert(1, AlertRule.SEL_EVENT, 1, "sel:10", Optional.of(10L)),
                new FiringAlert(2, AlertRule.SEL_EVENT, 1, "sel:11", Optional.of(11L)),
                new FiringAlert(3, AlertRule.SEL_EVENT, 1, "sel:12", Optional.empty()));
        Evaluation e = rules.evaluate(facts(List.of(ok(1)), List.of(), List.of(), Set.of(10L), firing), NOW);
        assertEquals(List.of(1L, 3L), e.resolve(), "10 deasserted, 12's event deleted, 11 still asserted");
    }

    @Test
    void aCriticalSensorFiresOnceAndResolvesWhenItsReadingIsBack() {
        Evaluation first = rules.evaluate(facts(List.of(ok(1)), List.of(),
                List.of(new CriticalSensor(1, "FAN2", 400.0, "RPM", "cr")), Set.of(), List.of()), NOW);
        assertEquals(1, first.open().size());
        AlertOpening fan = first.open().get(0);
        assertEquals("sensor:1:FAN2", fan.fingerprint());
        assertEquals("node1: sensor FAN2 is critical (400 RPM)", fan.summary());
        Evaluation back = rules.evaluate(facts(List.of(ok(1)), List.of(), List.of(), Set.of(),
                List.of(new FiringAlert(5, AlertRule.SENSOR_CRITICAL, 1, fan.fingerprint(), Optional.empty()))), NOW);
        assertEquals(List.of(5L), back.resolve());
        assertEquals(List.of(), back.open());
    }

    @Test
    void unreachableAuthFailedTimeoutAndNotIpmiAlertButAnOddAnswerDoesNot() {
        Evaluation e = rules.evaluate(facts(List.of(failing(1, PollOutcome.UNREACHABLE, NOW.minusSeconds(60)),
                failing(2, PollOutcome.AUTH_FAILED, NOW.minusSeconds(60)), failing(3, PollOutcome.TIMEOUT, NOW.minusSeconds(60)),
                failing(4, PollOutcome.PARSE_ERROR, NOW.minusSeconds(60)), failing(5, PollOutcome.PROTOCOL_ERROR, NOW.minusSeconds(60)),
                failing(6, PollOutcome.ERROR, NOW.minusSeconds(60)), failing(7, PollOutcome.UNSUPPORTED, NOW.minusSeconds(60))),
                List.of(), List.of(), Set.of(), List.of()), NOW);
        assertEquals(List.of("unreachable:1", "unreachable:2", "unreachable:3", "unreachable:5"),
                e.open().stream().map(AlertOpening::fingerprint).toList());
        assertTrue(e.open().get(1).summary().contains("rejects the login (AUTH_FAILED)"), e.open().get(1).summary());
        assertTrue(e.open().get(3).summary().endsWith("answers, but not with IPMI (PROTOCOL_ERROR)"), e.open().get(3).summary());
        assertTrue(e.open().get(0).description().endsWith("UNREACHABLE: it broke"), e.open().get(0).description());
    }

    @Test
    void unreachableResolvesOnTheNextSuccessfulPollOrWhenPollingIsPaused() {
        List<FiringAlert> firing = List.of(new FiringAlert(7, AlertRule.BMC_UNREACHABLE, 1, "unreachable:1", Optional.empty()),
                new FiringAlert(8, AlertRule.BMC_UNREACHABLE, 2, "unreachable:2", Optional.empty()));
        ServerHealth paused = new ServerHealth(2, "node2", "10.0.0.2", false, Optional.of(PollOutcome.UNREACHABLE),
                Optional.empty(), Optional.empty(), NOW.minusDays(1));
        Evaluation e = rules.evaluate(facts(List.of(ok(1), paused), List.of(), List.of(), Set.of(), firing), NOW);
        assertEquals(List.of(7L, 8L), e.resolve());
        assertEquals(List.of(), e.open(), "a paused server alerts about nothing");
    }

    @Test
    void collectionIsStaleAfterTheFactorTimesThePollIntervalUnlessTheBmcIsUnreachable() {
        ServerHealth justFresh = failing(1, PollOutcome.ERROR, NOW.minusSeconds(899));
        ServerHealth stale = failing(2, PollOutcome.ERROR, NOW.minusSeconds(901));
        ServerHealth unreachable = failing(3, PollOutcome.UNREACHABLE, NOW.minusDays(1));
        ServerHealth neverPolled = new ServerHealth(4, "node4", "10.0.0.4", true, Optional.empty(), Optional.empty(),
                Optional.empty(), NOW.minusHours(1));
        ServerHealth newlyAdded = new ServerHealth(5, "node5", "10.0.0.5", true, Optional.empty(), Optional.empty(),
                Optional.empty(), NOW.minusSeconds(30));
        Evaluation e = rules.evaluate(facts(List.of(justFresh, stale, unreachable, neverPolled, newlyAdded, ok(6)), List.of(),
                List.of(), Set.of(), List.of()), NOW);
        assertEquals(List.of("unreachable:3", "stale:2", "stale:4"), e.open().stream().map(AlertOpening::fingerprint).toList());
        AlertOpening staleAlert = e.open().get(1);
        assertEquals(AlertRule.COLLECTION_STALE, staleAlert.rule());
        assertEquals(Severity.WARNING, staleAlert.severity());
        assertTrue(staleAlert.description().contains("900 s (3 poll intervals)"), staleAlert.description());
    }

    @Test
    void timeTheMonitorWasNotWatchingDoesNotCountTowardsStaleness() {
        ServerHealth oldSuccess = failing(2, PollOutcome.ERROR, NOW.minusHours(5));
        var facts = new AlertFacts(List.of(oldSuccess, ok(6)), List.of(), List.of(), Set.of(), List.of(), NOW.minusSeconds(600));
        assertEquals(List.of(), rules.evaluate(facts, NOW).open(), "10 minutes of watching < 3 poll intervals");
        var later = new AlertFacts(List.of(oldSuccess, ok(6)), List.of(), List.of(), Set.of(), List.of(), NOW.minusSeconds(901));
        assertEquals(List.of("stale:2"), rules.evaluate(later, NOW).open().stream().map(AlertOpening::fingerprint).toList());
    }

    @Test
    void whenNoServerAtAllWasPolledLatelyNothingIsStale() {
        // the monitor is not collecting (stopping, database trouble): one external alert, not one per server
        ServerHealth a = failing(1, PollOutcome.ERROR, NOW.minusSeconds(1000));
        ServerHealth b = failing(2, PollOutcome.ERROR, NOW.minusSeconds(1000));
        assertEquals(List.of(), rules.evaluate(facts(List.of(a, b), List.of(), List.of(), Set.of(), List.of()), NOW).open());
    }

    @Test
    void staleResolvesWhenAPollSucceeds() {
        Evaluation e = rules.evaluate(facts(List.of(ok(1)), List.of(), List.of(), Set.of(),
                List.of(new FiringAlert(3, AlertRule.COLLECTION_STALE, 1, "stale:1", Optional.empty()))), NOW);
        assertEquals(List.of(3L), e.resolve());
    }

    @Test
    void eventsAndSensorsOfUnknownServersAreIgnored() {
        Evaluation e = rules.evaluate(facts(List.of(), List.of(event(1, 99, Severity.CRITICAL)),
                List.of(new CriticalSensor(99, "FAN1", 0.0, "RPM", "nr")), Set.of(), List.of()), NOW);
        assertEquals(List.of(), e.open());
    }

    @Test
    void aSensorAlertComingBackAfterItsResolutionIsANewConditionWithTheSameFingerprint() {
        // resolved alerts are not in "firing": the same fingerprint opens again (the database allows one FIRING row)
        Evaluation e = rules.evaluate(facts(List.of(ok(1)), List.of(),
                List.of(new CriticalSensor(1, "FAN2", 400.0, "RPM", "cr")), Set.of(), List.of()), NOW);
        assertEquals(List.of("sensor:1:FAN2"), e.open().stream().map(AlertOpening::fingerprint).toList());
    }

    private static ServerHealth withSel(long id, Integer percent, boolean overflow) {
        return new ServerHealth(id, "node" + id, "10.0.0." + id, true, Optional.of(PollOutcome.OK), Optional.empty(),
                Optional.of(NOW.minusSeconds(60)), NOW.minusDays(10), new com.ipmimonitor.collection.entity.SelFill(percent, overflow));
    }

    @Test
    void aSelFromNinetyPercentWarnsAndAnOverflowedOneIsCritical() {
        Evaluation e = rules.evaluate(facts(List.of(withSel(1, 89, false), withSel(2, 90, false), withSel(3, 100, true),
                withSel(4, null, false)), List.of(), List.of(), Set.of(), List.of()), NOW);
        assertEquals(List.of("sel-full:2", "sel-overflow:3"), e.open().stream().map(AlertOpening::fingerprint).toList());
        AlertOpening nearly = e.open().get(0);
        assertEquals(AlertRule.SEL_FULL, nearly.rule());
        assertEquals(Severity.WARNING, nearly.severity());
        assertEquals("node2: SEL is 90 % used", nearly.summary());
        AlertOpening lost = e.open().get(1);
        assertEquals(Severity.CRITICAL, lost.severity());
        assertEquals("node3: SEL is full: new events are being lost", lost.summary());
        assertTrue(lost.description().contains("clear_sel"), lost.description());
    }

    @Test
    void aFullSelAlertResolvesOnceTheSelWasClearedAndFiresOnlyOnce() {
        List<FiringAlert> firing = List.of(new FiringAlert(70, AlertRule.SEL_FULL, 3, "sel-overflow:3", Optional.empty()));
        Evaluation still = rules.evaluate(facts(List.of(withSel(3, 100, true)), List.of(), List.of(), Set.of(), firing), NOW);
        assertEquals(List.of(), still.open(), "already firing");
        assertEquals(List.of(), still.resolve());
        Evaluation cleared = rules.evaluate(facts(List.of(withSel(3, 0, false)), List.of(), List.of(), Set.of(), firing), NOW);
        assertEquals(List.of(70L), cleared.resolve());
        assertEquals(List.of(), cleared.open());
    }

    @Test
    void aPausedServersFullSelDoesNotAlert() {
        ServerHealth paused = new ServerHealth(5, "node5", "10.0.0.5", false, Optional.of(PollOutcome.OK), Optional.empty(),
                Optional.of(NOW.minusSeconds(60)), NOW.minusDays(10), new com.ipmimonitor.collection.entity.SelFill(100, true));
        assertEquals(List.of(), rules.evaluate(facts(List.of(paused), List.of(), List.of(), Set.of(), List.of()), NOW).open());
    }

    private static final String PINNED = "a".repeat(64);
    private static final String PRESENTED = "b".repeat(64);

    private static ServerHealth certificateChanged(long id, boolean enabled, OffsetDateTime lastSuccess) {
        return new ServerHealth(id, "node" + id, "10.0.0." + id, enabled, Optional.of(PollOutcome.CERTIFICATE_CHANGED),
                Optional.of("another certificate"), Optional.of(lastSuccess), NOW.minusDays(10),
                com.ipmimonitor.collection.entity.SelFill.UNKNOWN, Optional.of(new CertificateChange(Optional.of(PINNED),
                        Optional.of(PRESENTED), Optional.of(NOW.minusSeconds(120)))));
    }

    @Test
    void aChangedCertificateIsOneCriticalAlertNamingBothFingerprintsAndNotAlsoStaleOrUnreachable() {
        Evaluation e = rules.evaluate(facts(List.of(certificateChanged(1, true, NOW.minusDays(1)), ok(2)), List.of(),
                List.of(), Set.of(), List.of()), NOW);
        assertEquals(List.of("certificate:1"), e.open().stream().map(AlertOpening::fingerprint).toList());
        AlertOpening alert = e.open().get(0);
        assertEquals(AlertRule.BMC_CERTIFICATE_CHANGED, alert.rule());
        assertEquals("bmc_certificate_changed", alert.rule().label());
        assertEquals(Severity.CRITICAL, alert.severity());
        assertEquals("node1: BMC 10.0.0.1 presents another HTTPS certificate; it is not polled", alert.summary());
        assertTrue(alert.description().contains(PRESENTED + " instead of the trusted " + PINNED), alert.description());
        assertTrue(alert.description().contains("POST /api/servers/10.0.0.1/certificate/accept"), alert.description());
        assertEquals(NOW.minusSeconds(120), alert.startedAt(), "starts when the BMC presented it");
    }

    @Test
    void aChangedCertificateAlertsOnceAndResolvesWhenAccepted() {
        List<FiringAlert> firing = List.of(new FiringAlert(80, AlertRule.BMC_CERTIFICATE_CHANGED, 1, "certificate:1",
                Optional.empty()));
        Evaluation still = rules.evaluate(facts(List.of(certificateChanged(1, true, NOW.minusSeconds(60))), List.of(),
                List.of(), Set.of(), firing), NOW);
        assertEquals(List.of(), still.open(), "already firing");
        assertEquals(List.of(), still.resolve());
        ServerHealth accepted = new ServerHealth(1, "node1", "10.0.0.1", true, Optional.of(PollOutcome.CERTIFICATE_CHANGED),
                Optional.empty(), Optional.of(NOW.minusSeconds(60)), NOW.minusDays(10));
        assertEquals(List.of(80L), rules.evaluate(facts(List.of(accepted), List.of(), List.of(), Set.of(), firing), NOW)
                .resolve(), "accepted: the facts carry no change any more, whatever the last outcome said");
    }

    @Test
    void aPausedServersChangedCertificateDoesNotAlert() {
        assertEquals(List.of(), rules.evaluate(facts(List.of(certificateChanged(1, false, NOW.minusSeconds(60))), List.of(),
                List.of(), Set.of(), List.of()), NOW).open());
    }

    @Test
    void aFailedTlsHandshakeIsAnUnreachableBmc() {
        Evaluation e = rules.evaluate(facts(List.of(failing(1, PollOutcome.TLS_FAILED, NOW.minusSeconds(60))), List.of(),
                List.of(), Set.of(), List.of()), NOW);
        assertEquals(List.of("unreachable:1"), e.open().stream().map(AlertOpening::fingerprint).toList());
        assertTrue(e.open().get(0).summary().endsWith("fails the TLS handshake (TLS_FAILED)"), e.open().get(0).summary());
    }
}
