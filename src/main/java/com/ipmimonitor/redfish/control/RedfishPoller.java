package com.ipmimonitor.redfish.control;

import com.ipmimonitor.redfish.entity.ComputerSystem;
import com.ipmimonitor.redfish.entity.LogBatch;
import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.LogService;
import com.ipmimonitor.redfish.entity.RedfishException;
import com.ipmimonitor.redfish.entity.RedfishPoll;
import com.ipmimonitor.redfish.entity.Survey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Polls one service over a client kept across polls, remembering the service's tree between polls. The certificate
 * comes first (a handshake of its own, so a changed one stops the poll before any credential or request goes out).
 * <p>
 * The tree (the members of Systems, Chassis and Managers, each chassis' sensor style and links, the log services)
 * rarely changes, and surveying it costs about 30 requests on an iDRAC-like service. So it is surveyed only at the
 * first poll, once a day, after a poll that failed, and at once when a read of it answers 404 or a System's log
 * services moved. A steady poll reads what changes: each System (power state, health), each log from its cursor,
 * the power draw, and the chassis' readings only when sensors are due.
 * <p>
 * One poll at a time (the caller serialises polls of a client).
 */
public final class RedfishPoller {

    public static final Duration RESURVEY = Duration.ofDays(1);

    private final RedfishClient client;
    private final Duration resurveyEvery;
    private final LongSupplier nanoTime;
    private Survey tree;
    private long surveyedAt;

    public RedfishPoller(RedfishClient client) {
        this(client, RESURVEY, System::nanoTime);
    }

    RedfishPoller(RedfishClient client, Duration resurveyEvery, LongSupplier nanoTime) {
        this.client = client;
        this.resurveyEvery = resurveyEvery;
        this.nanoTime = nanoTime;
    }

    /**
     * @param cursors    the stored cursor of each log, by the log service's @odata.id
     * @param sensorsDue whether this poll reads the sensors (a poll that surveys reads them anyway)
     */
    public RedfishPoll poll(Map<String, LogCursor> cursors, boolean sensorsDue) {
        try {
            String certificate = client.certificate();
            Optional<String> pin = client.trust().isCaBundle() ? Optional.empty() : Optional.of(certificate);
            if (tree != null && nanoTime.getAsLong() - surveyedAt < resurveyEvery.toNanos()) {
                Optional<RedfishPoll> steady = steady(tree, cursors, sensorsDue, pin);
                if (steady.isPresent()) {
                    return steady.get();
                }
            }
            return surveyed(cursors, pin);
        } catch (RuntimeException e) {
            tree = null; // whatever failed, the next poll looks at the whole tree again
            throw e;
        }
    }

    /** Whether the next poll surveys the whole tree. */
    public boolean surveyDue() {
        return tree == null;
    }

    private RedfishPoll surveyed(Map<String, LogCursor> cursors, Optional<String> pin) {
        Survey survey = new RedfishSurvey(client).take();
        List<LogBatch> logs = logs(survey, cursors);
        tree = survey;
        surveyedAt = nanoTime.getAsLong();
        return new RedfishPoll(survey.systems(), survey.chassis(), logs, pin, true);
    }

    /** Empty when the tree changed under the poll (a 404, a System's log services moved): survey again now. */
    private Optional<RedfishPoll> steady(Survey known, Map<String, LogCursor> cursors, boolean sensorsDue,
                                         Optional<String> pin) {
        try {
            List<ComputerSystem> systems = new ArrayList<>();
            for (ComputerSystem was : known.systems()) {
                ComputerSystem now = ResourceMapping.system(client.get(was.uri()));
                if (!now.logServices().equals(was.logServices())) {
                    return Optional.empty();
                }
                systems.add(now);
            }
            List<LogBatch> logs = logs(known, cursors);
            RedfishSurvey reads = new RedfishSurvey(client);
            List<Survey.ChassisReadings> chassis = sensorsDue
                    ? known.chassis().stream().map(c -> reads.readings(c.chassis())).toList()
                    : known.chassis().stream().filter(c -> !c.power().isEmpty()).limit(1)
                            .map(c -> reads.powerDraw(c.chassis())).toList();
            return Optional.of(new RedfishPoll(systems, chassis, logs, pin, sensorsDue));
        } catch (RedfishException e) {
            if (e.resourceMissing()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<LogBatch> logs(Survey survey, Map<String, LogCursor> cursors) {
        LogReader reader = new LogReader(client);
        List<LogBatch> logs = new ArrayList<>();
        for (LogService log : survey.logServices()) {
            LogReader.LogRead read = reader.read(log.entries(), Optional.ofNullable(cursors.get(log.uri())),
                    survey.root().topSkipQuery());
            logs.add(new LogBatch(log, read.events(), read.cleared(), read.cursor()));
        }
        return logs;
    }
}
