package com.ipmimonitor.alerting.control;

import com.ipmimonitor.alerting.entity.AlertRule;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.collection.entity.SelFill;
import com.ipmimonitor.ipmi.Severity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The alert rules, as pure functions of what collection stored and the time: no clock, no database. Each
 * condition has a fingerprint; a condition whose fingerprint is firing is not opened again, and a firing alert
 * whose condition no longer holds is resolved.
 */
public final class AlertRules {

    private final RuleSettings settings;

    public AlertRules(RuleSettings settings) {
        this.settings = settings;
    }

    public Evaluation evaluate(AlertFacts facts, OffsetDateTime now) {
        Map<Long, ServerHealth> servers = facts.servers().stream()
                .collect(Collectors.toMap(ServerHealth::serverId, Function.identity()));
        List<AlertOpening> holding = new ArrayList<>();
        holding.addAll(selEvents(facts.newSelEvents(), servers));
        holding.addAll(criticalSensors(facts.criticalSensors(), servers, now));
        facts.servers().forEach(s -> unreachable(s, now).ifPresent(holding::add));
        facts.servers().forEach(s -> selFull(s, now).ifPresent(holding::add));
        facts.servers().forEach(s -> certificateChanged(s, now).ifPresent(holding::add));
        if (fleetIsCollecting(facts.servers(), now)) {
            facts.servers().forEach(s -> stale(s, facts.watchingSince(), now).ifPresent(holding::add));
        }

        Set<String> firing = facts.firing().stream().map(FiringAlert::fingerprint).collect(Collectors.toSet());
        Set<String> stillHolding = new HashSet<>();
        holding.forEach(o -> stillHolding.add(o.fingerprint()));
        List<AlertOpening> open = holding.stream().filter(o -> !firing.contains(o.fingerprint())).toList();
        List<Long> resolve = facts.firing().stream()
                .filter(a -> !holds(a, stillHolding, facts.closedSelEvents())).map(FiringAlert::id).toList();
        return new Evaluation(open, resolve);
    }

    /** SEL alerts are about one event: they hold until it is deasserted (or deleted); the others while their condition is found. */
    private static boolean holds(FiringAlert alert, Set<String> holding, Set<Long> closedSelEvents) {
        if (alert.rule() == AlertRule.SEL_EVENT) {
            return alert.selEventId().map(id -> !closedSelEvents.contains(id)).orElse(false);
        }
        return holding.contains(alert.fingerprint());
    }

    private List<AlertOpening> selEvents(List<NewSelEvent> events, Map<Long, ServerHealth> servers) {
        List<AlertOpening> open = new ArrayList<>();
        for (NewSelEvent e : events) {
            ServerHealth server = servers.get(e.serverId());
            // Severity is ordered CRITICAL, WARNING, INFO: a lower ordinal is more severe
            if (server == null || e.severity().ordinal() > settings.selMinSeverity().ordinal()) {
                continue;
            }
            OffsetDateTime at = e.eventTime().orElse(e.collectedAt());
            open.add(new AlertOpening(AlertRule.SEL_EVENT, e.severity(), e.serverId(), selFingerprint(e.eventId()),
                    Optional.of(e.eventId()), server.serverName() + ": " + e.summary(),
                    lower(e.severity()) + " event in the SEL of " + server.label() + " at " + at, at));
        }
        return open;
    }

    private static List<AlertOpening> criticalSensors(List<CriticalSensor> sensors, Map<Long, ServerHealth> servers,
                                                      OffsetDateTime now) {
        List<AlertOpening> open = new ArrayList<>();
        for (CriticalSensor s : sensors) {
            ServerHealth server = servers.get(s.serverId());
            if (server == null || !server.enabled()) {
                continue;
            }
            String reading = s.value() == null ? "no value" : format(s.value()) + (s.unit() == null ? "" : " " + s.unit());
            open.add(new AlertOpening(AlertRule.SENSOR_CRITICAL, Severity.CRITICAL, s.serverId(),
                    "sensor:" + s.serverId() + ":" + s.sensorName(), Optional.empty(),
                    server.serverName() + ": sensor " + s.sensorName() + " is critical (" + reading + ")",
                    "The newest reading of " + s.sensorName() + " on " + server.label() + " is " + reading
                            + " (BMC status " + Optional.ofNullable(s.status()).orElse("none")
                            + "), past the BMC's critical threshold.", now));
        }
        return open;
    }

    private static Optional<AlertOpening> unreachable(ServerHealth s, OffsetDateTime now) {
        if (!s.enabled() || !s.unreachable()) {
            return Optional.empty();
        }
        PollOutcome outcome = s.lastOutcome().orElseThrow();
        return Optional.of(new AlertOpening(AlertRule.BMC_UNREACHABLE, Severity.CRITICAL, s.serverId(),
                "unreachable:" + s.serverId(), Optional.empty(),
                s.serverName() + ": BMC " + s.bmcIp() + " " + whatItDoes(outcome) + " (" + outcome + ")",
                "The last poll of " + s.label() + " failed with " + outcome + s.lastError().map(e -> ": " + e).orElse("."),
                now));
    }

    /**
     * A full SEL: the BMC drops new hardware events (or overwrites old ones), so failures go unseen. Fires from
     * 90 % or at an overflow, and resolves once a poll finds the SEL below that again (it was cleared). A server
     * whose BMC cannot be polled keeps the state of its last poll. Warning from 90 %, critical once events were lost.
     */
    private static Optional<AlertOpening> selFull(ServerHealth s, OffsetDateTime now) {
        SelFill fill = s.selFill();
        if (!s.enabled() || !fill.full()) {
            return Optional.empty();
        }
        boolean lost = fill.overflow();
        String state = lost ? "is full: new events are being lost" : fill.describe().replace("SEL ", "is ");
        return Optional.of(new AlertOpening(AlertRule.SEL_FULL, lost ? Severity.CRITICAL : Severity.WARNING,
                // an overflow is news beyond "nearly full": its own fingerprint resolves the warning and opens a critical
                s.serverId(), (lost ? "sel-overflow:" : "sel-full:") + s.serverId(), Optional.empty(),
                s.serverName() + ": SEL " + state,
                "The System Event Log of " + s.label() + " " + state + (lost ? " (sel info: Overflow true)" : "")
                        + ". Archive and clear it (Clear BMC SEL on the server page, or POST /api/server/{bmc_ip}/clear_sel) so that "
                        + "new hardware events are logged.", now));
    }

    /**
     * Trust on first use refused the BMC's certificate: someone must check whether the BMC's certificate was replaced
     * (firmware update, reset) or something else answers on its address. Holds until an admin accepts it.
     */
    private static Optional<AlertOpening> certificateChanged(ServerHealth s, OffsetDateTime now) {
        if (!s.enabled() || s.certificateChange().isEmpty()) {
            return Optional.empty();
        }
        CertificateChange change = s.certificateChange().get();
        return Optional.of(new AlertOpening(AlertRule.BMC_CERTIFICATE_CHANGED, Severity.CRITICAL, s.serverId(),
                "certificate:" + s.serverId(), Optional.empty(),
                s.serverName() + ": BMC " + s.bmcIp() + " presents another HTTPS certificate; it is not polled",
                "The BMC of " + s.label() + " presents a certificate with SHA-256 "
                        + change.presentedSha256().orElse("(not recorded)") + " instead of the trusted "
                        + change.pinnedSha256().orElse("(not recorded)")
                        + change.since().map(t -> " since " + t).orElse("")
                        + ". It is not polled until an admin accepts the new certificate (Accept new certificate on the"
                        + " server page, or POST /api/servers/" + s.bmcIp() + "/certificate/accept).",
                change.since().orElse(now)));
    }

    private static String whatItDoes(PollOutcome outcome) {
        return switch (outcome) {
            case AUTH_FAILED -> "rejects the login";
            case TLS_FAILED -> "fails the TLS handshake";
            case PROTOCOL_ERROR -> "answers, but not with IPMI";
            default -> "does not answer";
        };
    }

    /**
     * Staleness is about one server falling behind while others are polled: when no server at all succeeded
     * lately, the monitor itself is not collecting (stopping, database trouble), and every server would alert at
     * once. That case is for an external check (Prometheus: monitor down, ipmi_last_collection_timestamp).
     */
    private boolean fleetIsCollecting(List<ServerHealth> servers, OffsetDateTime now) {
        OffsetDateTime recent = now.minus(settings.pollInterval().multipliedBy(2));
        return servers.stream().filter(ServerHealth::enabled).map(ServerHealth::lastSuccessAt).flatMap(Optional::stream)
                .anyMatch(t -> t.isAfter(recent));
    }

    /**
     * Stale: polls of this server stopped working for any other reason than an unreachable BMC or a changed
     * certificate (those have their own alerts). Time before this instance started watching does not count, so a restart after downtime does not
     * flag every server before its first poll.
     */
    private Optional<AlertOpening> stale(ServerHealth s, OffsetDateTime watchingSince, OffsetDateTime now) {
        OffsetDateTime since = s.lastSuccessAt().orElse(s.createdAt());
        OffsetDateTime counted = since.isAfter(watchingSince) ? since : watchingSince;
        if (!s.enabled() || s.unreachable() || s.certificateChange().isPresent()
                || !counted.isBefore(now.minus(settings.staleAfter()))) {
            return Optional.empty();
        }
        return Optional.of(new AlertOpening(AlertRule.COLLECTION_STALE, Severity.WARNING, s.serverId(),
                "stale:" + s.serverId(), Optional.empty(),
                s.serverName() + ": no successful poll since " + since,
                "No successful poll of " + s.label() + " for more than " + settings.staleAfter().toSeconds()
                        + " s (" + settings.staleFactor() + " poll intervals)"
                        + s.lastOutcome().map(o -> "; last outcome " + o + s.lastError().map(e -> ": " + e).orElse(""))
                                .orElse("; never polled") + ".",
                now));
    }

    public static String selFingerprint(long eventId) {
        return "sel:" + eventId;
    }

    private static String lower(Severity severity) {
        String s = severity.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
