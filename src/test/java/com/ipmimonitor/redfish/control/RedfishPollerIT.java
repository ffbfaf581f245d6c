package com.ipmimonitor.redfish.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.redfish.entity.ComputerSystem;
import com.ipmimonitor.redfish.entity.LogBatch;
import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.PowerState;
import com.ipmimonitor.redfish.entity.RedfishException;
import com.ipmimonitor.redfish.entity.RedfishPoll;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19, steady-state cost: a poller kept across polls surveys the service's tree once, then reads only what
 * changes (Systems, logs from their cursors, power draw; sensors when due), counted in requests on the client
 * against the real simulator over HTTPS (free ports on it.simNet.219.x). A failed poll, and a day, mean a new
 * survey.
 */
class RedfishPollerIT {

    private static final String NET = System.getProperty("it.simNet", "127.78");
    private static final RedfishCredentials ROOT = new RedfishCredentials("root", "calvin");
    private static final RedfishClient.Limits LIMITS =
            new RedfishClient.Limits(Duration.ofSeconds(3), Duration.ofSeconds(20), 0);

    private final Map<String, LogCursor> cursors = new HashMap<>();
    private final AtomicLong clock = new AtomicLong();

    @ParameterizedTest
    @ValueSource(strings = {"dell", "hpe", "openbmc"})
    void steadyPollsReadOnlyWhatChangesAndTheTreeIsSurveyedAgainAfterAFailureAndDaily(String flavour) {
        String host = NET + ".219." + (flavour.equals("dell") ? 1 : flavour.equals("hpe") ? 2 : 3);
        try (RedfishSim sim = RedfishSim.start(host, flavour, "--log-entries", "200");
             RedfishClient client = new RedfishClient(sim.base(), ROOT, BmcTrust.onFirstUse(Optional.empty()),
                     LIMITS)) {
            RedfishPoller poller = new RedfishPoller(client, Duration.ofDays(1), clock::get);

            int survey = requests(client, () -> poll(poller, false));
            assertTrue(survey >= 15, flavour + ": the first poll surveys the tree: " + survey + " requests");
            RedfishPoll[] last = new RedfishPoll[1];

            int steady = requests(client, () -> last[0] = poll(poller, false));
            System.out.printf("RedfishPollerIT %s: survey %d requests (with the first full log read), steady %d%n",
                    flavour, survey, steady);
            int systems = last[0].systems().size();
            int logs = last[0].logs().size();
            // each System, at most two requests per log (a $top=1 probe and a window), one power draw
            assertTrue(steady <= systems + 2 * logs + 1, flavour + ": a steady poll took " + steady
                    + " requests (" + systems + " systems, " + logs + " logs), the survey " + survey);
            assertTrue(steady * 2 < survey, flavour + ": steady " + steady + " vs survey " + survey);
            assertFalse(last[0].sensorsRead());
            assertTrue(last[0].chassis().stream().allMatch(c -> c.readings().isEmpty()), "no sensors read");
            assertEquals(1, last[0].chassis().stream().filter(c -> !c.power().isEmpty()).count(),
                    "the power draw is read on every poll");

            // what changes still arrives on a steady poll
            String systemId = last[0].systems().get(0).id();
            sim.command("power Off " + systemId);
            sim.command("inject 2 Critical steady-poll-test");
            int changed = requests(client, () -> last[0] = poll(poller, false));
            assertEquals(PowerState.OFF, last[0].systems().get(0).powerState());
            assertEquals(2, last[0].logs().stream().mapToInt(b -> b.events().size()).sum(), "the 2 new entries");
            assertTrue(changed * 2 < survey, flavour + ": " + changed + " requests with news");

            int withSensors = requests(client, () -> last[0] = poll(poller, true));
            assertTrue(last[0].sensorsRead());
            assertTrue(last[0].chassis().stream().mapToLong(c -> c.readings().size()).sum() > 0, "sensors read");
            assertTrue(withSensors > steady && withSensors < survey,
                    flavour + ": a sensor poll took " + withSensors + ", steady " + steady + ", survey " + survey);

            // a failed poll: the next one surveys the tree again
            String systemUri = last[0].systems().get(0).uri();
            sim.command("fault status 404 " + systemUri);
            RedfishException gone = assertThrows(RedfishException.class, () -> poll(poller, false));
            assertTrue(gone.resourceMissing(), gone.getMessage());
            assertTrue(poller.surveyDue());
            sim.command("fault clear");
            int again = requests(client, () -> poll(poller, false));
            assertTrue(again >= 15 && again > 2 * steady, flavour + ": after a failure " + again + " requests, steady " + steady);
            assertTrue(requests(client, () -> poll(poller, false)) <= systems + 2 * logs + 1);

            // a day later the tree is surveyed again
            clock.addAndGet(Duration.ofDays(1).toNanos());
            int daily = requests(client, () -> poll(poller, false));
            assertTrue(daily >= 15 && daily > 2 * steady, flavour + ": a day later " + daily + " requests, steady " + steady);
            assertEquals(1, sim.stats().getInt("sessions_created"), "one login for every poll");
            figures(flavour, client, poller);
        }
    }

    /** Requests, bytes and CPU (this JVM, 10 ms ticks: hence 20 polls) per poll; printed, not asserted. */
    private void figures(String flavour, RedfishClient client, RedfishPoller poller) {
        clock.addAndGet(Duration.ofDays(1).toNanos());
        long[] survey = measure(client, () -> poll(poller, false), 1);
        long[] steady = measure(client, () -> poll(poller, false), 20);
        long[] sensors = measure(client, () -> poll(poller, true), 20);
        System.out.printf("RedfishPollerIT figures %s: survey %d requests %d B %.1f ms CPU; steady %d requests %d B"
                + " %.1f ms CPU; steady with sensors %d requests %d B %.1f ms CPU%n", flavour,
                survey[0], survey[1], survey[2] / 1e6, steady[0], steady[1], steady[2] / 1e6,
                sensors[0], sensors[1], sensors[2] / 1e6);
    }

    private static long[] measure(RedfishClient client, Runnable poll, int times) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int requests = client.requests();
        long bytes = client.bytesReceived();
        long cpu = os.getProcessCpuTime();
        for (int i = 0; i < times; i++) {
            poll.run();
        }
        return new long[] {(client.requests() - requests) / times, (client.bytesReceived() - bytes) / times,
            (os.getProcessCpuTime() - cpu) / times};
    }

    private RedfishPoll poll(RedfishPoller poller, boolean sensorsDue) {
        RedfishPoll poll = poller.poll(cursors, sensorsDue);
        for (LogBatch batch : poll.logs()) {
            cursors.put(batch.log().uri(), batch.cursor());
        }
        return poll;
    }

    private static int requests(RedfishClient client, Runnable poll) {
        int before = client.requests();
        poll.run();
        return client.requests() - before;
    }

}
