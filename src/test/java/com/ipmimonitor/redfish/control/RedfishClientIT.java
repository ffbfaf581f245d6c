package com.ipmimonitor.redfish.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.redfish.entity.ComputerSystem;
import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.redfish.entity.PowerState;
import com.ipmimonitor.redfish.entity.LogService;
import com.ipmimonitor.redfish.entity.RedfishEvent;
import com.ipmimonitor.redfish.entity.RedfishException;
import com.ipmimonitor.redfish.entity.RedfishFailure;
import com.ipmimonitor.redfish.entity.RedfishReading;
import com.ipmimonitor.redfish.entity.ServiceRoot;
import com.ipmimonitor.redfish.entity.Survey;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Redfish client against the project's simulator over real HTTPS on 127.98.19.x with free ports: sessions,
 * every fleet member, paging through 5,000 entries, incremental reads, log clears, and each fault ending in its
 * failure kind. Each test starts its own simulator and stops it.
 */
class RedfishClientIT {

    private static final RedfishCredentials ROOT = new RedfishCredentials("root", "calvin");
    private static final RedfishClient.Limits LIMITS =
            new RedfishClient.Limits(Duration.ofSeconds(3), Duration.ofSeconds(20), 1);

    private static final int STEADY_POLLS = 20;

    private static RedfishClient client(RedfishSim sim, Optional<String> pinned) {
        return new RedfishClient(sim.base(), ROOT, BmcTrust.onFirstUse(pinned), LIMITS);
    }

    @Test
    void oneSessionServesEveryPollAndIsDeletedAtCloseAndEveryMemberIsFollowed() {
        try (RedfishSim sim = RedfishSim.start("127.98.19.1", "dell", "--log-entries", "10")) {
            Survey survey;
            try (RedfishClient client = client(sim, Optional.empty())) {
                RedfishSurvey surveys = new RedfishSurvey(client);
                survey = surveys.take();
                surveys.take();
                surveys.take();
                JsonObject during = sim.stats();
                assertEquals(1, during.getInt("sessions_created"), "one login for three polls: " + during);
                assertEquals(1, during.getInt("sessions_active"));
                assertEquals(0, during.getInt("basic_logins"));
                assertEquals(sim.fingerprint(), client.trust().presented().orElseThrow(),
                        "the certificate seen first is the one to store");

                sim.command("sensor CPU1_Temp 97");
                sim.command("power Off System.Embedded.2");
                Survey changed = surveys.take();
                RedfishReading cpu = changed.chassis().get(0).readings().stream()
                        .filter(r -> r.name().equals("CPU1 Temp")).findFirst().orElseThrow();
                assertEquals(97.0, cpu.value().getAsDouble());
                assertEquals(Optional.of("Critical"), cpu.health(), "past its UpperCritical of 95");
                assertEquals(List.of(PowerState.ON, PowerState.OFF),
                        changed.systems().stream().map(ComputerSystem::powerState).toList());

                sim.command("expire-sessions");
                surveys.take();
                assertEquals(2, sim.stats().getInt("sessions_created"), "an expired token means one new login");
                assertEquals(2, client.logins());
            }
            JsonObject after = sim.stats();
            assertEquals(0, after.getInt("sessions_active"), "closed clients leave no session: " + after);
            assertEquals(1, after.getInt("sessions_deleted"));

            assertEquals(List.of("System.Embedded.1", "System.Embedded.2"),
                    survey.systems().stream().map(s -> s.id()).toList());
            assertEquals(List.of("iDRAC.Embedded.1", "iDRAC.Embedded.2"),
                    survey.managers().stream().map(m -> m.id()).toList());
            assertEquals(2, survey.chassis().size());
            assertTrue(survey.chassis().get(1).readings().stream().map(RedfishReading::name)
                    .anyMatch("Fan2"::equals), "the second chassis' sensors too");
            assertEquals(285.0, survey.chassis().get(0).power().get(0).consumedWatts());
            assertEquals(List.of("Sel", "Lclog", "Sel"), survey.logServices().stream().map(LogService::id).toList(),
                    "the log services of both iDRACs");
        }
    }

    @Test
    void basicAuthenticationOnlyWhereThereIsNoSessionService() {
        try (RedfishSim sim = RedfishSim.start("127.98.19.2", "openbmc", "--log-entries", "5");
             RedfishClient client = client(sim, Optional.empty())) {
            sim.command("fault status 404 /redfish/v1/SessionService");
            new RedfishSurvey(client).take();
            JsonObject stats = sim.stats();
            assertEquals(0, stats.getInt("sessions_created"));
            assertTrue(stats.getInt("basic_logins") > 5, stats.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dell", "hpe", "openbmc"})
    void fiveThousandEntriesArePagedAndThenOnlyNewOnesAreRead(String flavour) {
        try (RedfishSim sim = RedfishSim.start("127.98.19.3", flavour);
             RedfishClient client = client(sim, Optional.empty())) {
            ServiceRoot root = client.serviceRoot();
            String entries = mainLog(client).entries();
            LogReader reader = new LogReader(client);

            Measured<LogReader.LogRead> full = measure(client, () -> reader.read(entries, Optional.empty(),
                    root.topSkipQuery()));
            assertEquals(5000, full.value.events().size());
            assertEquals(5000, full.value.events().stream().map(RedfishEvent::id).distinct().count());
            assertEquals(5000, full.value.cursor().count());

            // CPU time is counted in 10 ms ticks: twenty steady polls give a per-poll figure worth reading
            Measured<LogReader.LogRead> steady = measure(client, () -> {
                LogReader.LogRead last = null;
                for (int i = 0; i < STEADY_POLLS; i++) {
                    last = reader.read(entries, Optional.of(full.value.cursor()), root.topSkipQuery());
                    assertEquals(List.of(), last.events());
                }
                return last;
            });

            List<String> injected = ids(sim.command("inject 3 Critical"));
            Measured<LogReader.LogRead> incremental = measure(client, () -> reader.read(entries,
                    Optional.of(steady.value.cursor()), root.topSkipQuery()));
            assertEquals(injected, incremental.value.events().stream().map(RedfishEvent::id).toList());
            assertFalse(incremental.value.cleared());
            assertTrue(full.bytes >= 20 * incremental.bytes, full + " vs " + incremental);
            report(flavour, full, steady, incremental);

            sim.command("clear");
            LogReader.LogRead afterClear = reader.read(entries, Optional.of(incremental.value.cursor()),
                    root.topSkipQuery());
            assertTrue(afterClear.cleared(), "the stored newest entry is gone: the log was cleared");
            assertEquals(flavour.equals("dell") ? 1 : 0, afterClear.events().size(), "iDRAC logs the clear itself");

            List<String> later = ids(sim.command("inject 2 Warning"));
            LogReader.LogRead next = reader.read(entries, Optional.of(afterClear.cursor()), root.topSkipQuery());
            assertFalse(next.cleared());
            assertEquals(later, next.events().stream().map(RedfishEvent::id).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"openbmc", "dell"})
    void aServiceThatIgnoresTopAndSkipStillYieldsExactlyTheNewEntries(String flavour) {
        try (RedfishSim sim = RedfishSim.start("127.98.19.4", flavour, "--ignore-top-skip", "--log-entries", "500");
             RedfishClient client = client(sim, Optional.empty())) {
            ServiceRoot root = client.serviceRoot();
            assertEquals(Optional.empty(), root.topSkipQuery());
            String entries = mainLog(client).entries();
            LogReader reader = new LogReader(client);
            LogCursor cursor = reader.read(entries, Optional.empty(), root.topSkipQuery()).cursor();
            List<String> injected = ids(sim.command("inject 3"));
            LogReader.LogRead read = reader.read(entries, Optional.of(cursor), root.topSkipQuery());
            assertEquals(injected, read.events().stream().map(RedfishEvent::id).toList());
            assertFalse(read.cleared());
            List<String> more = ids(sim.command("inject 1"));
            LogReader.LogRead again = reader.read(entries, Optional.of(read.cursor()), root.topSkipQuery());
            assertEquals(more, again.events().stream().map(RedfishEvent::id).toList());
        }
    }

    @Test
    void eachFaultEndsInItsFailureKind() throws Exception {
        try (RedfishSim sim = RedfishSim.start("127.98.19.5", "hpe", "--log-entries", "10")) {
            String systems = "/redfish/v1/Systems";
            sim.command("fault delay 2500 " + systems);
            RedfishClient.Limits quick = new RedfishClient.Limits(Duration.ofSeconds(2), Duration.ofSeconds(1), 1);
            try (RedfishClient impatient = new RedfishClient(sim.base(), ROOT, BmcTrust.onFirstUse(Optional.empty()),
                    quick)) {
                assertFailure(RedfishFailure.TIMEOUT, () -> impatient.get(systems));
            }
            sim.command("fault clear");

            sim.command("fault status 500 " + systems);
            int before = sim.stats().getInt("requests");
            assertFailure(RedfishFailure.PROTOCOL_ERROR, () -> fresh(sim).get(systems));
            assertEquals(before + 3, sim.stats().getInt("requests"), "the login, the GET and one retry");
            sim.command("fault clear");

            sim.command("fault badjson /redfish/v1/Chassis");
            assertFailure(RedfishFailure.PROTOCOL_ERROR, () -> new RedfishSurvey(fresh(sim)).take());
            sim.command("fault clear");

            sim.command("fault drop " + systems);
            assertFailure(RedfishFailure.UNREACHABLE, () -> fresh(sim).get(systems));
            sim.command("fault clear");

            RedfishClient wrong = new RedfishClient(sim.base(), new RedfishCredentials("root", "not-calvin"),
                    BmcTrust.onFirstUse(Optional.empty()), LIMITS);
            RedfishException refused = assertFailure(RedfishFailure.AUTH_FAILED, () -> wrong.get(systems));
            assertFalse(refused.getMessage().contains("not-calvin"));
            sim.command("fault reject-auth on");
            assertFailure(RedfishFailure.AUTH_FAILED, () -> fresh(sim).get(systems));
            sim.command("fault clear");

            String trusted = sim.fingerprint();
            JsonObject swapped = sim.command("swap-cert");
            BmcTrust pinned = BmcTrust.onFirstUse(Optional.of(trusted));
            RedfishClient afterSwap = new RedfishClient(sim.base(), ROOT, pinned, LIMITS);
            assertFailure(RedfishFailure.CERTIFICATE_CHANGED, afterSwap::serviceRoot);
            assertEquals(swapped.getString("fingerprint"), pinned.presented().orElseThrow(),
                    "the new fingerprint is known, for an admin to accept");
            try (RedfishClient accepted = new RedfishClient(sim.base(), ROOT,
                    BmcTrust.onFirstUse(pinned.presented()), LIMITS)) {
                assertEquals("1.11.0", accepted.serviceRoot().redfishVersion());
            }

            int nothingListens;
            try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.98.19.5"))) {
                nothingListens = free.getLocalPort();
            }
            RedfishClient nowhere = new RedfishClient(URI.create("https://127.98.19.5:" + nothingListens), ROOT,
                    BmcTrust.onFirstUse(Optional.empty()), LIMITS);
            assertFailure(RedfishFailure.UNREACHABLE, nowhere::serviceRoot);
        }
    }

    @Test
    void aCaBundleTrustsWhatItSignsForTheAddressAndNothingElse(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("bmc.crt");
        Path key = dir.resolve("bmc.key");
        Path otherCert = dir.resolve("other.crt");
        openssl(cert, key, "IP:127.98.19.6");
        openssl(otherCert, dir.resolve("other.key"), "IP:127.98.19.6");
        Path misnamed = dir.resolve("misnamed.crt");
        Path misnamedKey = dir.resolve("misnamed.key");
        openssl(misnamed, misnamedKey, "IP:127.98.19.99");
        try (RedfishSim sim = RedfishSim.start("127.98.19.6", "openbmc", "--log-entries", "5",
                "--cert", cert.toString(), "--key", key.toString())) {
            BmcTrust bundle = BmcTrust.caBundle(Files.readString(cert));
            try (RedfishClient client = new RedfishClient(sim.base(), ROOT, bundle, LIMITS)) {
                assertEquals(2, new RedfishSurvey(client).take().systems().size());
            }
            RedfishClient untrusted = new RedfishClient(sim.base(), ROOT,
                    BmcTrust.caBundle(Files.readString(otherCert)), LIMITS);
            assertFailure(RedfishFailure.TLS_FAILED, untrusted::serviceRoot);
        }
        try (RedfishSim sim = RedfishSim.start("127.98.19.6", "openbmc", "--log-entries", "5",
                "--cert", misnamed.toString(), "--key", misnamedKey.toString())) {
            RedfishClient wrongName = new RedfishClient(sim.base(), ROOT,
                    BmcTrust.caBundle(Files.readString(misnamed)), LIMITS);
            assertFailure(RedfishFailure.TLS_FAILED, wrongName::serviceRoot);
            try (RedfishClient pinned = new RedfishClient(sim.base(), ROOT,
                    BmcTrust.onFirstUse(Optional.of(sim.fingerprint())), LIMITS)) {
                assertEquals("1.11.0", pinned.serviceRoot().redfishVersion(), "a pin needs no matching name");
            }
        }
    }

    /** A self-signed certificate that is its own CA, naming subjectAltName. */
    private static void openssl(Path cert, Path key, String subjectAltName) throws Exception {
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=bmc", "-addext", "subjectAltName=" + subjectAltName, "-addext",
                "basicConstraints=critical,CA:TRUE", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl made no certificate");
    }

    private static RedfishClient fresh(RedfishSim sim) {
        return new RedfishClient(sim.base(), ROOT, BmcTrust.onFirstUse(Optional.of(sim.fingerprint())), LIMITS);
    }

    private static RedfishException assertFailure(RedfishFailure kind, Runnable call) {
        RedfishException e = assertThrows(RedfishException.class, call::run);
        assertEquals(kind, e.failure(), e.getMessage());
        return e;
    }

    private static LogService mainLog(RedfishClient client) {
        Survey survey = new RedfishSurvey(client).take();
        return survey.logServices().stream()
                .filter(s -> List.of("Sel", "IML", "EventLog").contains(s.id()))
                .findFirst().orElseThrow();
    }

    private static List<String> ids(JsonObject injected) {
        return injected.getJsonArray("ids").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    private record Measured<T>(T value, long bytes, int requests, long cpuNanos, long wallNanos) {
        @Override
        public String toString() {
            return String.format("%,d B in %d requests, CPU %.1f ms, wall %.1f ms", bytes, requests,
                    cpuNanos / 1e6, wallNanos / 1e6);
        }
    }

    private static <T> Measured<T> measure(RedfishClient client, Supplier<T> read) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long bytes = client.bytesReceived();
        int requests = client.requests();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        T value = read.get();
        return new Measured<>(value, client.bytesReceived() - bytes, client.requests() - requests,
                os.getProcessCpuTime() - cpu, System.nanoTime() - start);
    }

    private static void report(String flavour, Measured<?> full, Measured<?> steady, Measured<?> incremental) {
        System.out.printf("redfish %s: full read of 5,000 entries: %s%n", flavour, full);
        System.out.printf("redfish %s: %d steady polls, nothing new: %s%n", flavour, STEADY_POLLS, steady);
        System.out.printf("redfish %s: incremental, 3 new entries: %s%n", flavour, incremental);
        System.out.printf("redfish %s: bytes full/incremental = %.0fx, full/steady poll = %.0fx,"
                + " CPU full/steady poll = %.0fx%n", flavour, (double) full.bytes / incremental.bytes,
                (double) full.bytes * STEADY_POLLS / steady.bytes,
                (double) full.cpuNanos * STEADY_POLLS / Math.max(1, steady.cpuNanos));
    }
}
