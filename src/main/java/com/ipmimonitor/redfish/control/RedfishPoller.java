package com.ipmimonitor.redfish.control;

import com.ipmimonitor.redfish.entity.LogBatch;
import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.LogService;
import com.ipmimonitor.redfish.entity.RedfishPoll;
import com.ipmimonitor.redfish.entity.Survey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One poll over a client kept across polls: the certificate first (a handshake of its own, so a changed one stops
 * the poll before any credential or request goes out), then every System, Chassis and Manager, and every log read
 * from its stored cursor.
 */
public final class RedfishPoller {

    private final RedfishClient client;

    public RedfishPoller(RedfishClient client) {
        this.client = client;
    }

    /** @param cursors the stored cursor of each log, by the log service's @odata.id */
    public RedfishPoll poll(Map<String, LogCursor> cursors) {
        String certificate = client.certificate();
        Survey survey = new RedfishSurvey(client).take();
        LogReader reader = new LogReader(client);
        List<LogBatch> logs = new ArrayList<>();
        for (LogService log : survey.logServices()) {
            LogReader.LogRead read = reader.read(log.entries(), Optional.ofNullable(cursors.get(log.uri())),
                    survey.root().topSkipQuery());
            logs.add(new LogBatch(log, read.events(), read.cleared(), read.cursor()));
        }
        return new RedfishPoll(survey.systems(), survey.chassis(), logs,
                client.trust().isCaBundle() ? Optional.empty() : Optional.of(certificate));
    }
}
