package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.Fixtures;
import com.ipmimonitor.ipmi.PowerState;
import com.ipmimonitor.collection.entity.PollOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BmcPoller against a fake ipmitool: the fault cases a real simulator cannot produce on demand. */
class BmcPollerTest {

    @TempDir
    Path dir;

    private static final BmcTarget TARGET = new BmcTarget("127.0.0.1", 6230, "admin", "secret", 3);

    @Test
    void garbageOutputIsAParseErrorNotACrash() throws IOException {
        var poller = poller("""
                echo 'this is not what ipmitool prints'
                """, Duration.ofSeconds(10));
        var failure = assertThrows(CollectionFailure.class, () -> poller.poll(request(TARGET, false)));
        assertEquals(PollOutcome.PARSE_ERROR, failure.outcome());
    }

    @Test
    void anAddressAnsweringWithoutIpmiIsAProtocolErrorThatSaysWhatCameBack() throws IOException {
        // ipmitool's exit 1 against an ASF pong "no IPMI here": the verdict on stdout, the usual failure on stderr
        var poller = poller("cat %s; cat %s >&2; exit 1\n".formatted(fixtureFile("not-a-bmc/asf_pong_without_ipmi.stdout"),
                fixtureFile("not-a-bmc/asf_pong_without_ipmi.stderr")), Duration.ofSeconds(10));
        var failure = assertThrows(CollectionFailure.class, () -> poller.poll(request(TARGET, true)));
        assertEquals(PollOutcome.PROTOCOL_ERROR, failure.outcome());
        assertTrue(failure.getMessage().endsWith(": Received IPMI/RMCP response packet: IPMI NOT Supported"),
                failure.getMessage());
    }

    @Test
    void aBmcThatStopsAnsweringBeforeSelInfoIsUnreachableNotAParseError() throws IOException {
        var poller = poller("cat %s; cat %s >&2; exit 1\n".formatted(
                fixtureFile("ipmi_sim/failures/answers_stop_before_sel_info.stdout"),
                fixtureFile("ipmi_sim/failures/answers_stop_before_sel_info.stderr")), Duration.ofSeconds(10));
        var failure = assertThrows(CollectionFailure.class, () -> poller.poll(request(TARGET, true)));
        assertEquals(PollOutcome.UNREACHABLE, failure.outcome(), failure.getMessage());
    }

    @Test
    void aSessionThatCannotBeOpenedAfterTheProbeIsUnreachableNotAnUnexplainedError() throws IOException {
        // without -v, ipmitool says only "Unable to establish ..." (captured against a frozen ipmi_sim); the probe
        // opened a session with the same credentials just before, so the BMC stopped answering
        var poller = poller(answeringUntil("*\" -v sdr elist \"*"), Duration.ofSeconds(10));
        var failure = assertThrows(CollectionFailure.class, () -> poller.poll(request(TARGET, false)));
        assertEquals(PollOutcome.UNREACHABLE, failure.outcome(), failure.getMessage());
        assertEquals("sdr elist -v: Error: Unable to establish IPMI v2 / RMCP+ session", failure.getMessage());
    }

    @Test
    void aSessionLostAtTheDcmiStepIsUnreachableNotABmcWithoutDcmi() throws IOException {
        var poller = poller(answeringUntil("*\" dcmi \"*"), Duration.ofSeconds(10));
        var failure = assertThrows(CollectionFailure.class, () -> poller.poll(request(TARGET, false)));
        assertEquals(PollOutcome.UNREACHABLE, failure.outcome(), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("dcmi power reading: "), failure.getMessage());
    }

    @Test
    void aBmcThatFreezesInTheMiddleOfASelReadIsGivenUpOnAsUnreachableLongBeforeTheTimeout() throws IOException {
        Path state = dir.resolve("state.txt");
        Files.writeString(state, "Chassis Power is on\n" + Fixtures.ipmitool("ipmi_sim/sdr_info.txt")
                + Fixtures.ipmitool("ipmi_sim/sel_info.txt"));
        var poller = poller("""
                for last; do :; done
                case " $* " in *" exec "*)
                  grep -q '^raw' "$last" || { cat %s; exit 0; }
                  echo ' 02 00 01 00 02 7f 29 b0 6a 20 00 04 01 8c 6f 02 ff ff'
                  while true; do echo 'Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0 cmd=0x43)' >&2; sleep 0.2; done;;
                esac
                echo 'unexpected' >&2; exit 1
                """.formatted(state), Duration.ofSeconds(60));
        long start = System.nanoTime();
        PollRequest firstPoll = new PollRequest(TARGET, false, SelCursor.UNKNOWN, Optional.empty(), true, true);

        var failure = assertThrows(CollectionFailure.class, () -> poller.poll(firstPoll));

        assertEquals(PollOutcome.UNREACHABLE, failure.outcome(), failure.getMessage());
        assertEquals("Get SEL Entry batch: ipmi-monitor: gave up after 3 commands in a row went unanswered", failure.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "waited for the 60 s timeout");
    }

    @Test
    void aHungIpmitoolIsKilledAndReportedAsTimeout() throws IOException {
        var poller = poller("sleep 60\n", Duration.ofSeconds(1));
        long start = System.nanoTime();
        var failure = assertThrows(CollectionFailure.class, () -> poller.poll(request(TARGET, false)));
        assertEquals(PollOutcome.TIMEOUT, failure.outcome());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "the hard timeout was not applied");
    }

    @Test
    void aRejectedCipherSuiteFallsBackTo17AndRemembersIt() throws IOException {
        var poller = poller(cipherAwareFake(), Duration.ofSeconds(10));
        PollResult result = poller.poll(request(TARGET, true));
        assertEquals(17, result.cipherSuite());
        assertEquals(PowerState.ON, result.power());
        assertEquals(51, result.selInfo().entries());
    }

    @Test
    void withoutFallbackTheRejectedSuiteIsReportedAsUnsupported() throws IOException {
        var poller = poller(cipherAwareFake(), Duration.ofSeconds(10));
        var failure = assertThrows(CollectionFailure.class, () -> poller.poll(request(TARGET, false)));
        assertEquals(PollOutcome.UNSUPPORTED, failure.outcome());
    }

    private String cipherAwareFake() throws IOException {
        Path state = dir.resolve("state.txt");
        Files.writeString(state, "Chassis Power is on\n" + Fixtures.ipmitool("ipmi_sim/sdr_info.txt")
                + Fixtures.ipmitool("ipmi_sim/sel_info.txt"));
        Path sensors = dir.resolve("sensor.txt");
        Files.writeString(sensors, Fixtures.ipmitool("ipmi_sim/sensor.txt"));
        Path sdr = dir.resolve("sdr.txt");
        Files.writeString(sdr, Fixtures.ipmitool("ipmi_sim/sdr_elist.txt"));
        // a BMC that only speaks cipher suite 17, answering like ipmitool -v does against ipmi_sim with -C 17
        return """
                case " $* " in *" -C 17 "*) ;; *)
                  echo 'Error in open session response message : invalid authentication algorithm' >&2
                  echo 'Error: Unable to establish IPMI v2 / RMCP+ session' >&2; exit 1;; esac
                case " $* " in
                  *" exec "*) cat %s;;
                  *" sensor "*) cat %s;;
                  *" sdr elist "*) cat %s;;
                  *) echo 'DCMI request failed because: Invalid command (c1)' >&2; exit 1;;
                esac
                """.formatted(state, sensors, sdr);
    }

    @Test
    void theSdrIsReadWithEachSensorsTypeFromTheVerboseListing() throws IOException {
        Path state = dir.resolve("state.txt");
        Files.writeString(state, "Chassis Power is on\n" + Fixtures.ipmitool("ipmi_sim/sdr_info.txt")
                + Fixtures.ipmitool("ipmi_sim/sel_info.txt"));
        var poller = poller("""
                case " $* " in
                  *" exec "*) cat %s;;
                  *" sensor "*) cat %s;;
                  *" -v sdr elist "*) cat %s;;
                  *" sdr elist "*) cat %s;;
                  *) echo 'DCMI request failed because: Invalid command (c1)' >&2; exit 1;;
                esac
                """.formatted(state, fixtureFile("ipmi_sim/sensor_abnormal.txt"),
                fixtureFile("ipmi_sim/sdr_elist_verbose_abnormal.txt"), fixtureFile("ipmi_sim/sdr_elist_abnormal.txt")),
                Duration.ofSeconds(10));
        var sdr = poller.poll(request(TARGET, false)).sdr().orElseThrow();
        var ps2 = sdr.stream().filter(e -> e.name().equals("PS2 Status")).findFirst().orElseThrow();
        assertEquals(java.util.OptionalInt.of(0x08), ps2.sensorType());
        assertTrue(sdr.stream().allMatch(e -> e.sensorType().isPresent()), sdr.toString());
    }

    @Test
    void aBmcThatFailsTheVerboseListingStillHasItsNames() throws IOException {
        Path state = dir.resolve("state.txt");
        Files.writeString(state, "Chassis Power is on\n" + Fixtures.ipmitool("ipmi_sim/sdr_info.txt")
                + Fixtures.ipmitool("ipmi_sim/sel_info.txt"));
        var poller = poller("""
                case " $* " in
                  *" exec "*) cat %s;;
                  *" sensor "*) cat %s;;
                  *" -v sdr elist "*) echo 'Get SDR 0041 command failed' >&2; exit 1;;
                  *" sdr elist "*) cat %s;;
                  *) echo 'DCMI request failed because: Invalid command (c1)' >&2; exit 1;;
                esac
                """.formatted(state, fixtureFile("ipmi_sim/sensor.txt"), fixtureFile("ipmi_sim/sdr_elist.txt")),
                Duration.ofSeconds(10));
        var sdr = poller.poll(request(TARGET, false)).sdr().orElseThrow();
        assertEquals(25, sdr.size());
        assertTrue(sdr.stream().noneMatch(e -> e.sensorType().isPresent()));
    }

    /** A BMC that answers like ipmi_sim until the command matching the case pattern, whose session fails. */
    private String answeringUntil(String pattern) throws IOException {
        Path state = dir.resolve("state.txt");
        Files.writeString(state, "Chassis Power is on\n" + Fixtures.ipmitool("ipmi_sim/sdr_info.txt")
                + Fixtures.ipmitool("ipmi_sim/sel_info.txt"));
        return """
                case " $* " in %s) cat %s >&2; exit 1;; esac
                case " $* " in
                  *" exec "*) cat %s;;
                  *" sensor "*) cat %s;;
                  *" sdr elist "*) cat %s;;
                  *) echo 'DCMI request failed because: Invalid command (c1)' >&2; exit 1;;
                esac
                """.formatted(pattern, fixtureFile("ipmi_sim/failures/session_lost_after_probe.stderr"), state,
                fixtureFile("ipmi_sim/sensor.txt"), fixtureFile("ipmi_sim/sdr_elist.txt"));
    }

    private Path fixtureFile(String name) throws IOException {
        Path file = dir.resolve(name.replace('/', '-'));
        Files.writeString(file, Fixtures.ipmitool(name));
        return file;
    }

    private static PollRequest request(BmcTarget target, boolean fallback) {
        // the cursor matches the fixture's SEL (51 entries), so no SEL records are read
        return new PollRequest(target, fallback, new SelCursor(51, 1795294527L, 1792889669L, Optional.of(0x33)),
                Optional.empty(), true, true);
    }

    private BmcPoller poller(String body, Duration timeout) throws IOException {
        Path fake = dir.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectories(dir.resolve("work"));
        return new BmcPoller(new IpmitoolRunner(new IpmitoolSettings(fake.toString(), timeout, 1, 1, dir, work)), 16);
    }
}
