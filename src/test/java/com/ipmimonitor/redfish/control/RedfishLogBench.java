package com.ipmimonitor.redfish.control;

import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.ServiceRoot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Issue 19's figure, a benchmark (not a test: no *Test/*IT name, so neither surefire nor failsafe runs it): a Redfish
 * BMC with a 5,000-entry log and nothing new, read the way a steady-state poll reads it (LogReader with the stored
 * cursor, one session kept) against reading the whole log, for each simulator flavour; and the same two as whole
 * polls, each with a survey first (every System, Chassis with its sensors and power, Manager and log service).
 * Per read: response bytes (bodies, as the client counts them) and requests, and CPU of this JVM (process CPU: the
 * reading thread, JIT and GC) plus the simulator's (utime + stime from /proc, in 10 ms ticks). After a warm-up,
 * FULL_READS full reads and STEADY_POLLS steady polls (a quarter as many whole polls) are measured.
 * Run by bench/redfish-poll-bench.sh; loopback 127.96.19.x only.
 */
public final class RedfishLogBench {

    private static final RedfishCredentials ROOT = new RedfishCredentials("root", "calvin");
    private static final RedfishClient.Limits LIMITS =
            new RedfishClient.Limits(Duration.ofSeconds(5), Duration.ofSeconds(60), 1);
    private static final int FULL_READS = Integer.getInteger("bench.fullReads", 5);
    private static final int STEADY_POLLS = Integer.getInteger("bench.steadyPolls", 200);
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 2);
    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ 100 on Linux

    private RedfishLogBench() {
    }

    /** One way of reading, summed over its runs. */
    record Cost(int runs, long clientBytes, int requests, long jvmCpuNanos, long simCpuNanos, long wallNanos) {

        double perRun(long total) {
            return (double) total / runs;
        }

        double cpuMsPerRun() {
            return (jvmCpuNanos + simCpuNanos) / 1e6 / runs;
        }

        String describe() {
            return String.format("%,.0f B, %.1f requests, CPU %.2f ms (JVM %.2f + BMC %.2f), wall %.1f ms",
                    perRun(clientBytes),
                    (double) requests / runs, cpuMsPerRun(), jvmCpuNanos / 1e6 / runs, simCpuNanos / 1e6 / runs,
                    wallNanos / 1e6 / runs);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> flavours = args.length > 0 ? List.of(args) : List.of("dell", "hpe", "openbmc");
        System.out.printf("redfish log bench: %d full reads and %d steady polls per flavour, after %d warm-up rounds%n",
                FULL_READS, STEADY_POLLS, WARM_UP);
        System.out.println("| flavour | what | full read of the log: per read | steady, nothing new: per read"
                + " | bytes full / steady | CPU full / steady |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        int host = 1;
        for (String flavour : flavours) {
            bench(flavour, "127.96.19." + host++);
        }
    }

    private static void bench(String flavour, String host) throws IOException {
        try (RedfishSim sim = RedfishSim.start(host, flavour);
             RedfishClient client = new RedfishClient(sim.base(), ROOT, BmcTrust.onFirstUse(Optional.empty()), LIMITS)) {
            ServiceRoot root = client.serviceRoot();
            String entries = new RedfishSurvey(client).take().logServices().stream()
                    .filter(s -> List.of("Sel", "IML", "EventLog").contains(s.id())).findFirst().orElseThrow().entries();
            LogReader reader = new LogReader(client);
            RedfishSurvey survey = new RedfishSurvey(client);
            LogCursor cursor = null;
            for (int i = 0; i < WARM_UP; i++) {
                cursor = reader.read(entries, Optional.empty(), root.topSkipQuery()).cursor();
                for (int j = 0; j < STEADY_POLLS / 4; j++) {
                    reader.read(entries, Optional.of(cursor), root.topSkipQuery());
                }
                for (int j = 0; j < 10; j++) {
                    survey.take();
                }
            }
            LogCursor stored = cursor;
            Runnable fullRead = () -> {
                var read = reader.read(entries, Optional.empty(), root.topSkipQuery());
                check(read.events().size() == 5000, "a full read gives 5,000 entries, not " + read.events().size());
            };
            Runnable steadyRead = () -> {
                var read = reader.read(entries, Optional.of(stored), root.topSkipQuery());
                check(read.events().isEmpty() && !read.cleared(), "a steady poll finds nothing new");
            };
            row(flavour, "log only", measure(client, sim, FULL_READS, fullRead),
                    measure(client, sim, STEADY_POLLS, steadyRead));
            row(flavour, "whole poll (survey + log)", measure(client, sim, FULL_READS, () -> {
                survey.take();
                fullRead.run();
            }), measure(client, sim, STEADY_POLLS / 4, () -> {
                survey.take();
                steadyRead.run();
            }));
        }
    }

    private static void row(String flavour, String what, Cost full, Cost steady) {
        System.out.printf("| %s | %s | %s | %s | %.0fx | %.0fx |%n", flavour, what, full.describe(), steady.describe(),
                full.perRun(full.clientBytes()) / steady.perRun(steady.clientBytes()),
                full.cpuMsPerRun() / steady.cpuMsPerRun());
    }

    private static Cost measure(RedfishClient client, RedfishSim sim, int runs, Runnable read) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long bytes = client.bytesReceived();
        int requests = client.requests();
        long simCpu = simCpuNanos(sim.pid());
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            read.run();
        }
        long wall = System.nanoTime() - start;
        long jvmCpu = os.getProcessCpuTime() - cpu;
        long simCpuUsed = simCpuNanos(sim.pid()) - simCpu;
        return new Cost(runs, client.bytesReceived() - bytes, client.requests() - requests, jvmCpu, simCpuUsed, wall);
    }

    /** utime + stime of a process, fields 14 and 15 of /proc/PID/stat (after the command in parentheses). */
    static long simCpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * CLOCK_TICK_NANOS;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }
}
