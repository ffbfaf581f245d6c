package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.control.BmcTarget;
import com.ipmimonitor.collection.control.ProtocolChoice;
import com.ipmimonitor.collection.control.RedfishOutcomes;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.redfish.boundary.RedfishPolls;
import com.ipmimonitor.redfish.entity.RedfishException;
import com.ipmimonitor.redfish.entity.RedfishPoll;
import com.ipmimonitor.redfish.entity.RedfishTarget;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls a server over Redfish (redfish.boundary.RedfishPolls) outside any transaction, then stores what it read
 * (RedfishRecorder) or the failure (PollRecorder), as Collector does for IPMI. Also decides, for protocol auto,
 * which protocol a server speaks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RedfishCollector {

    private static final Logger LOG = Logger.getLogger(RedfishCollector.class.getName());

    @Inject
    RedfishPolls polls;

    @Inject
    RedfishRecorder recorder;

    @Inject
    PollRecorder failures;

    @Inject
    CollectionConfig config;

    /** How this poll reads the server; probes (and remembers the answer) when auto has to. */
    public ProtocolChoice.Read choose(Server server, Optional<ServerStatus> status, OffsetDateTime now) {
        ProtocolChoice.Read read = ProtocolChoice.of(server.getProtocol(),
                status.flatMap(ServerStatus::findProtocolDetected), status.flatMap(ServerStatus::findProtocolProbedAt),
                now);
        if (read != ProtocolChoice.Read.PROBE) {
            return read;
        }
        boolean redfish = polls.answersRedfish(server.getBmcIp(), ProtocolChoice.httpsPort(server.getBmcPort()));
        LOG.info(() -> server.getBmcIp() + ": protocol auto found " + (redfish ? "Redfish" : "no Redfish, using IPMI"));
        recorder.rememberProbe(server.getId(), redfish ? "redfish" : "ipmi", now);
        return redfish ? ProtocolChoice.Read.REDFISH : ProtocolChoice.Read.IPMI;
    }

    /** Returns the outcome; empty when the app stopped meanwhile (nothing recorded then, as for IPMI). */
    public Optional<PollOutcome> collect(Server server, OffsetDateTime started, long t0) {
        long serverId = server.getId();
        try {
            RedfishPoll poll = polls.poll(targetOf(server), config.sensorsDue(serverId));
            if (config.stopping()) {
                return Optional.empty();
            }
            int stored = recorder.recordSuccess(serverId, poll, started, elapsedMs(t0));
            LOG.fine(() -> server.getBmcIp() + ": Redfish poll stored " + stored + " new log entries");
            return Optional.of(PollOutcome.OK);
        } catch (RedfishException e) {
            PollOutcome outcome = RedfishOutcomes.of(e.failure());
            LOG.info(() -> server.getBmcIp() + ": " + outcome + " " + e.getMessage());
            return record(serverId, outcome, e.getMessage(), started, t0);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Redfish collection of " + server.getBmcIp() + " failed", e);
            return record(serverId, PollOutcome.ERROR, String.valueOf(e.getMessage()), started, t0);
        }
    }

    private Optional<PollOutcome> record(long serverId, PollOutcome outcome, String error, OffsetDateTime started,
                                         long t0) {
        if (config.stopping()) {
            return Optional.empty();
        }
        failures.recordFailure(serverId, outcome, error, started, elapsedMs(t0));
        return Optional.of(outcome);
    }

    /** The same account as for IPMI: the server's own, else the fleet-wide one. */
    private RedfishTarget targetOf(Server server) {
        BmcTarget bmc = config.defaults().targetFor(server);
        return new RedfishTarget(server.getId(), bmc.host(), ProtocolChoice.httpsPort(bmc.port()), bmc.user(),
                bmc.password(), server.findCaBundle());
    }

    private static long elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
