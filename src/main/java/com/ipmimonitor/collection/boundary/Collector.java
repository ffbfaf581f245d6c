package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.control.BmcTarget;
import com.ipmimonitor.collection.control.CollectionFailure;
import com.ipmimonitor.collection.control.PollRequest;
import com.ipmimonitor.collection.control.ProtocolChoice;
import com.ipmimonitor.collection.control.PollResult;
import com.ipmimonitor.collection.control.SelCursor;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls one server. Runs outside any transaction while ipmitool works (a slow BMC must not hold a
 * database transaction open), then hands the result to PollRecorder. Servers read over Redfish (protocol redfish,
 * or auto and found to speak it) go to RedfishCollector.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Collector {

    private static final Logger LOG = Logger.getLogger(Collector.class.getName());
    /** SDR names rarely change; re-read them once a day or when missing. */
    private static final long SDR_REFRESH_HOURS = 24;

    @Inject
    Servers servers;

    @Inject
    CollectionConfig config;

    @Inject
    PollRecorder recorder;

    @Inject
    RedfishCollector redfish;

    @PersistenceContext
    EntityManager em;

    /** Returns the outcome of the poll (empty when the server was deleted while queued, or the app is stopping). */
    public Optional<PollOutcome> collect(long serverId) {
        Optional<Server> server = servers.find(serverId);
        if (server.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        Optional<ServerStatus> status = Optional.ofNullable(em.find(ServerStatus.class, serverId));
        // an IPMI server (most of a fleet) costs no call: only redfish and auto ones are decided there
        if (server.get().getProtocol() != BmcProtocol.IPMI
                && redfish.choose(server.get(), status, started) == ProtocolChoice.Read.REDFISH) {
            return redfish.collect(server.get(), started, t0);
        }
        try {
            PollResult result = config.poller().poll(requestFor(server.get(), status, started));
            if (config.stopping()) {
                // the stop may have killed a step whose failure a poll tolerates (sdr dump, verbose sdr elist, dcmi):
                // what it returned is not what the BMC holds, and the next start reads it again
                LOG.info(() -> server.get().getBmcIp() + ": poll ended by the stop, not recorded");
                return Optional.empty();
            }
            recorder.recordSuccess(serverId, result, started, elapsedMs(t0));
            return Optional.of(PollOutcome.OK);
        } catch (RuntimeException e) {
            if (config.stopping()) {
                // ipmitool was killed by the stop: recording that as the BMC's failure would show it (and alert
                // on it) until the next poll after the restart
                LOG.info(() -> server.get().getBmcIp() + ": poll cut short by the stop, not recorded");
                return Optional.empty();
            }
            return Optional.of(recordFailure(server.get(), e, started, t0));
        }
    }

    private PollOutcome recordFailure(Server server, RuntimeException e, OffsetDateTime started, long t0) {
        long serverId = server.getId();
        if (e instanceof CollectionFailure f) {
            LOG.info(() -> server.getBmcIp() + ": " + f.outcome() + " " + f.getMessage());
            recorder.recordFailure(serverId, f.outcome(), f.getMessage(), started, elapsedMs(t0));
            return f.outcome();
        }
        LOG.log(Level.WARNING, "collection of " + server.getBmcIp() + " failed", e);
        recorder.recordFailure(serverId, PollOutcome.ERROR, String.valueOf(e.getMessage()), started, elapsedMs(t0));
        return PollOutcome.ERROR;
    }

    /** Archive then clear: polls the server (storing every record), and clears the BMC's SEL only if that worked. */
    public SelClearResult archiveAndClear(Server server) {
        Optional<PollOutcome> archived = collect(server.getId());
        if (archived.orElse(PollOutcome.ERROR) != PollOutcome.OK) {
            return new SelClearResult(server.getBmcIp(), false, "not cleared: archiving failed ("
                    + archived.map(Enum::name).orElse("deleted") + ")");
        }
        Optional<ServerStatus> status = Optional.ofNullable(em.find(ServerStatus.class, server.getId()));
        if (readOverRedfish(server, status)) {
            // ipmitool cannot reach a BMC with IPMI over LAN off; LogService.ClearLog is not sent yet
            return new SelClearResult(server.getBmcIp(), false,
                    "archived, not cleared: clearing a Redfish log is not supported yet");
        }
        try {
            config.poller().clearSel(requestFor(server, status, OffsetDateTime.now(ZoneOffset.UTC)).target());
            return new SelClearResult(server.getBmcIp(), true, "archived and cleared");
        } catch (CollectionFailure f) {
            return new SelClearResult(server.getBmcIp(), false, "archived, but the clear failed: " + f.getMessage());
        }
    }

    private static boolean readOverRedfish(Server server, Optional<ServerStatus> status) {
        return server.getProtocol() == BmcProtocol.REDFISH || server.getProtocol() == BmcProtocol.AUTO
                && status.flatMap(ServerStatus::findProtocolDetected).filter("redfish"::equals).isPresent();
    }

    private PollRequest requestFor(Server server, Optional<ServerStatus> status, OffsetDateTime now) {
        BmcTarget target = config.defaults().targetFor(server);
        boolean ownSuite = server.findCipherSuite().isPresent();
        Optional<Integer> learned = status.flatMap(ServerStatus::findCipherSuiteUsed);
        if (!ownSuite && learned.isPresent()) {
            target = new BmcTarget(target.host(), target.port(), target.user(), target.password(), learned.get());
        }
        return new PollRequest(target, !ownSuite, cursorOf(status), status.flatMap(ServerStatus::findSdrSignature),
                sdrDue(status, now), status.flatMap(ServerStatus::findDcmiSupported),
                status.flatMap(ServerStatus::findBmcFirmware), config.sensorsDue(server.getId()));
    }

    private static SelCursor cursorOf(Optional<ServerStatus> status) {
        return status.filter(s -> s.findSelEntries().isPresent())
                .map(s -> new SelCursor(s.findSelEntries().get(), s.findSelLastAdd().orElse(-1L),
                        s.findSelLastErase().orElse(-1L), s.findSelLastRecordId()))
                .orElse(SelCursor.UNKNOWN);
    }

    private static boolean sdrDue(Optional<ServerStatus> status, OffsetDateTime now) {
        return status.flatMap(ServerStatus::findSdrNamesAt)
                .map(at -> at.isBefore(now.minusHours(SDR_REFRESH_HOURS))).orElse(true);
    }

    private static long elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
