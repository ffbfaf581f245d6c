package com.ipmimonitor.redfish.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.redfish.control.BmcTrust;
import com.ipmimonitor.redfish.control.RedfishClient;
import com.ipmimonitor.redfish.control.RedfishCredentials;
import com.ipmimonitor.redfish.control.RedfishPoller;
import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.RedfishException;
import com.ipmimonitor.redfish.entity.RedfishFailure;
import com.ipmimonitor.redfish.entity.RedfishPoll;
import com.ipmimonitor.redfish.entity.RedfishTarget;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Polls Redfish services for collection, keeping one client (its HttpClient, keep-alive connections and session
 * token) per server across polls: a poll does not log in, and the BMC's few sessions are not used up. A client is
 * replaced when the server's address, account, CA bundle or pinned certificate changes, and closed (its session
 * deleted on the BMC) when its server is gone or no longer read over Redfish, after a long idle time, and when the
 * application stops.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RedfishPolls {

    private static final Logger LOG = Logger.getLogger(RedfishPolls.class.getName());
    private static final RedfishClient.Limits LIMITS = RedfishClient.Limits.defaults();
    /** The auto probe: a BMC without Redfish must not hold a collector slot long. */
    private static final RedfishClient.Limits PROBE = new RedfishClient.Limits(Duration.ofSeconds(3),
            Duration.ofSeconds(5), 0);
    private static final Duration IDLE = Duration.ofHours(1);

    @Inject
    LogCursors cursors;

    @Inject
    TrustedCertificates certificates;

    @Inject
    Servers servers;

    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();

    /** What identifies a client's configuration; the password is compared, never shown. */
    private record Signature(String host, int port, String user, String password, Optional<String> caBundle) {
        static Signature of(RedfishTarget t) {
            return new Signature(t.host(), t.port(), t.user(), t.password(), t.caBundle());
        }

        @Override
        public String toString() {
            return user + "@" + host + ":" + port;
        }
    }

    private static final class Session {
        final Signature signature;
        final RedfishClient client;
        final RedfishPoller poller; // remembers the service's tree between polls
        volatile long usedAt = System.nanoTime();

        Session(Signature signature, RedfishClient client) {
            this.signature = signature;
            this.client = client;
            this.poller = new RedfishPoller(client);
        }
    }

    /**
     * One poll; throws RedfishException with the kind of failure. A certificate other than the pinned one stops
     * the poll at its handshake (nothing is sent) and is remembered as presented, for an admin to accept. The
     * service's tree is surveyed at a client's first poll, daily, and after a failure; other polls read only what
     * changes, and the sensors only when sensorsDue (SENSOR_POLL_MULTIPLIER).
     */
    public RedfishPoll poll(RedfishTarget target, boolean sensorsDue) {
        Optional<String> pinned = target.caBundle().isPresent() ? Optional.empty()
                : certificates.findPinned(target.serverId());
        Map<String, LogCursor> stored = cursors.of(target.serverId());
        Session session = session(target, pinned);
        synchronized (session) { // a client is not for two polls at once (the API's collect next to the timer's)
            session.usedAt = System.nanoTime();
            try {
                return session.poller.poll(stored, sensorsDue);
            } catch (RedfishException e) {
                if (e.failure() == RedfishFailure.CERTIFICATE_CHANGED) {
                    session.client.trust().presented().ifPresent(p -> certificates.presented(target.serverId(), p));
                }
                throw e;
            }
        }
    }

    /** Whether https://host:port/redfish/v1/ answers as a Redfish service root (no credentials are sent). */
    public boolean answersRedfish(String host, int port) {
        try (RedfishClient probe = new RedfishClient(base(host, port), new RedfishCredentials("", ""),
                BmcTrust.onFirstUse(Optional.empty()), PROBE)) {
            probe.serviceRoot();
            return true;
        } catch (RedfishException e) {
            LOG.fine(() -> host + ":" + port + " does not answer Redfish: " + e.failure() + " " + e.getMessage());
            return false;
        }
    }

    /** Closes the server's client, deleting its session on the BMC. */
    public void forget(long serverId) {
        Optional.ofNullable(sessions.remove(serverId)).ifPresent(RedfishPolls::close);
    }

    /** Sessions of servers deleted, switched to IPMI, or idle for long go (their BMC sessions too). */
    @Schedule(minute = "*/5", hour = "*", persistent = false)
    void retire() {
        try {
            for (Long id : List.copyOf(sessions.keySet())) {
                Session s = sessions.get(id);
                boolean idle = s != null && System.nanoTime() - s.usedAt > IDLE.toNanos();
                if (idle || servers.find(id).map(server -> server.getProtocol() == BmcProtocol.IPMI).orElse(true)) {
                    forget(id);
                }
            }
        } catch (RuntimeException e) {
            // Payara expunges a timer whose delivery fails: the next run retries
            LOG.warning("retiring Redfish sessions failed: " + e);
        }
    }

    /** Application stop: every session is deleted on its BMC, at most 10 s for all of them together. */
    @PreDestroy
    void closeAll() {
        List<CompletableFuture<Void>> closing = sessions.keySet().stream()
                .map(id -> CompletableFuture.runAsync(() -> forget(id))).toList();
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.info("stopping: not every Redfish session was deleted (" + e + "); they expire on their BMCs");
        }
    }

    private Session session(RedfishTarget target, Optional<String> pinned) {
        Signature wanted = Signature.of(target);
        Session[] replaced = new Session[1];
        Session session = sessions.compute(target.serverId(), (id, current) -> {
            if (current != null && current.signature.equals(wanted) && trusts(current.client.trust(), pinned)) {
                return current;
            }
            replaced[0] = current;
            BmcTrust trust = target.caBundle().map(RedfishPolls::caBundle)
                    .orElseGet(() -> BmcTrust.onFirstUse(pinned));
            return new Session(wanted, new RedfishClient(base(target.host(), target.port()),
                    new RedfishCredentials(target.user(), target.password()), trust, LIMITS));
        });
        if (replaced[0] != null) {
            close(replaced[0]);
        }
        return session;
    }

    private static BmcTrust caBundle(String pem) {
        try {
            return BmcTrust.caBundle(pem);
        } catch (IllegalArgumentException e) {
            throw new RedfishException(RedfishFailure.TLS_FAILED, "the server's CA bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a kept client's trust is what the table says now: the same pin (first seen by this client and then
     * stored, or accepted by an admin), or none on either side. A client that saw a certificate which was never
     * stored (its polls failed) starts again from first use.
     */
    static boolean trusts(BmcTrust trust, Optional<String> pinned) {
        return trust.isCaBundle() || trust.pinned().equals(pinned.map(p -> p.replace(":", "").strip()
                .toLowerCase(Locale.ROOT)));
    }

    private static void close(Session session) {
        try {
            session.client.close();
        } catch (RuntimeException e) {
            LOG.fine(() -> "closing the Redfish session of " + session.signature + " failed: " + e);
        }
    }

    static URI base(String host, int port) {
        return URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }
}
