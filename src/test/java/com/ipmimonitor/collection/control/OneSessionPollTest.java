package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.collection.entity.PollOutcome;

import com.ipmimonitor.ipmi.Fixtures;
import com.ipmimonitor.ipmi.McInfo;
import com.ipmimonitor.ipmi.SelInfo;
import com.ipmimonitor.ipmi.SelInfoParser;
import com.ipmimonitor.ipmi.SensorListParser;
import com.ipmimonitor.ipmi.SdrElistReadings;
import com.ipmimonitor.ipmi.SdrSensorReadings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which ipmitool runs a poll makes (issue 18): one per steady-state poll, sensors included, through the SDR cache;
 * the cache rebuilt when the SDR changed; DCMI asked once and again only after a firmware change. The fake ipmitool
 * answers with output captured from ipmi_sim (ipmi_sim/cached/README.md) and logs its command lines.
 */
class OneSessionPollTest {

    private static final BmcTarget TARGET = new BmcTarget("127.0.0.1", 6230, "admin", "secret", 3);
    private static final String PROBE = Fixtures.ipmitool("ipmi_sim/cached/probe_with_sensors.txt");
    private static final String QUIET = Fixtures.ipmitool("ipmi_sim/cached/probe_quiet.txt");

    @TempDir
    Path dir;
    private Path log;
    private BmcPoller poller;

    @BeforeEach
    void fakeIpmitool() throws IOException {
        log = dir.resolve("calls.log");
        Path dump = dir.resolve("dump.bin");
        Files.write(dump, HexFormat.of().parseHex(Fixtures.ipmitool("ipmi_sim/cached/sdr_dump.hex").replaceAll("\\s", "")));
        Path probe = file("probe.txt", PROBE);
        // without -v, ipmitool prints the plain listing after the same probe output
        Path quiet = file("quiet.txt", SdrSensorReadings.beforeListing(PROBE) + SdrElistReadings.rowsIn(QUIET));
        Path state = file("state.txt", SdrSensorReadings.beforeListing(PROBE));
        Path verbose = file("verbose.txt", SdrSensorReadings.listingIn(PROBE));
        Path names = file("names.txt", Fixtures.ipmitool("ipmi_sim/sdr_elist.txt"));
        // with the cache, the plain listing is what the quiet probe lists after its own commands
        Path cachedNames = file("cached-names.txt", SdrElistReadings.rowsIn(QUIET));
        Path mcInfo = file("mcinfo.txt", Fixtures.ipmitool("ipmi_sim/mc_info.txt"));
        Path fake = dir.resolve("ipmitool");
        // an exec batch: the probe's output for its own commands, then what ipmitool prints for the lines after them
        // (echo, mc info, dcmi power reading, sdr dump and sdr elist, as ipmi_sim without DCMI answers them)
        Files.writeString(fake, """
                #!/bin/sh
                for last; do :; done
                # the command line, and an exec batch's lines after it
                case " $* " in
                  *" exec "*) echo "$* [$(tr '\n' ';' < "$last")]" >> %1$s;;
                  *) echo "$*" >> %1$s;;
                esac
                if [ -e %2$s ]; then
                  case " $* " in *" -v "*) echo '> RAKP 2 HMAC is invalid' >&2;; esac
                  echo 'Error: Unable to establish IPMI v2 / RMCP+ session' >&2; exit 1
                fi
                rest() {
                  rc=0
                  after=
                  while read -r cmd a1 a2 a3; do
                    [ "$cmd" = echo ] && after=1
                    [ -n "$after" ] || continue
                    case "$cmd $a1" in
                      "echo "*) echo "$a1 $a2 $a3 ";;
                      "mc info") cat %9$s;;
                      "dcmi power") echo 'DCMI request failed because: Invalid command (c1)' >&2; rc=1;;
                      "sdr dump") echo "Dumping Sensor Data Repository to '$a2'"; cat %3$s > "$a2";;
                      "sdr elist") cat %10$s;;
                    esac
                  done < "$last"
                  exit $rc
                }
                case " $* " in
                  *" sdr dump "*) cat %3$s > "$last";;
                  *" -v -S "*" exec "*) cat %4$s; rest;;
                  *" -S "*" exec "*) cat %5$s; rest;;
                  *" exec "*) cat %6$s; rest;;
                  *" -v sdr elist "*) cat %7$s;;
                  *" -S "*" sdr elist "*) cat %10$s;;
                  *" sdr elist "*) cat %8$s;;
                  *" mc info "*) cat %9$s;;
                  *) echo 'DCMI request failed because: Invalid command (c1)' >&2; exit 1;;
                esac
                """.formatted(log, dir.resolve("refusing"), dump, probe, quiet, state, verbose, names, mcInfo,
                cachedNames));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectories(dir.resolve("work"));
        poller = new BmcPoller(new IpmitoolRunner(new IpmitoolSettings(fake.toString(), Duration.ofSeconds(10), 1, 1, dir,
                work)), 16);
    }

    @Test
    void aSteadyStatePollIsOneIpmitoolRunThatReadsTheSensorsWithTheCachedSdr() throws IOException {
        PollResult first = poller.poll(request(Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(calls().stream().anyMatch(c -> c.contains("sdr dump ")), calls().toString());
        Path cache = dir.resolve("work/sdr-cache/127.0.0.1_6230.sdr");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        Files.delete(log);

        PollResult steady = poller.poll(request(first.sdrSignature(), first.dcmiSupported(), first.firmware()));

        List<String> calls = calls();
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("-S " + cache + " exec "), calls.get(0));
        assertEquals(SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/cached/sensor.txt")), steady.sensors());
        assertEquals(Optional.empty(), steady.dcmiSupported(), "DCMI not asked again");
        assertEquals(first.sensors(), steady.sensors());
    }

    @Test
    void aFirstPollIsOneIpmitoolRunTheProbeWithDumpListingFirmwareAndDcmi() throws IOException {
        PollResult first = poller.poll(request(Optional.empty(), Optional.empty(), Optional.empty()));

        // before: the probe, then sdr dump, sdr elist, -v sdr elist, mc info and dcmi power reading in runs of their own
        // (the SEL of the fake is known already: no SEL read)
        List<String> calls = calls();
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains(" -v exec ") && calls.get(0).contains("sdr dump ")
                && calls.get(0).contains("set verbose 0;sdr elist;"), calls.get(0));
        Path cache = dir.resolve("work/sdr-cache/127.0.0.1_6230.sdr");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        // what the runs of their own gave: names with their types, firmware, DCMI (none on ipmi_sim), the readings
        var names = first.sdr().orElseThrow();
        assertEquals(25, names.size());
        assertTrue(names.stream().allMatch(e -> e.sensorType().isPresent()), names.toString());
        assertEquals(java.util.OptionalInt.of(0x08),
                names.stream().filter(e -> e.name().equals("PS2 Status")).findFirst().orElseThrow().sensorType());
        assertEquals(McInfo.firmware(Fixtures.ipmitool("ipmi_sim/mc_info.txt")), first.firmware());
        assertTrue(first.firmware().isPresent());
        assertEquals(Optional.of(false), first.dcmiSupported());
        assertEquals(SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/cached/sensor.txt")), first.sensors());
        assertTrue(!first.conversions().isEmpty(), "the conversions of the dumped SDR");
    }

    @Test
    void aSteadyStatePollReadsThePlainListingAndTakesTheSensorTypesFromTheCache() throws IOException {
        PollResult first = poller.poll(request(Optional.empty(), Optional.of(false), Optional.empty()));
        Files.delete(log);

        PollResult steady = poller.poll(request(first.sdrSignature(), Optional.of(false), first.firmware()));

        List<String> calls = calls();
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(!calls.get(0).contains(" -v "), "the verbose listing costs ipmitool a quarter more: " + calls.get(0));
        assertEquals(SensorListParser.parse(Fixtures.ipmitool("ipmi_sim/cached/sensor.txt")), steady.sensors());
        assertEquals(Optional.of(0x08), steady.sensorTypes().map(t -> t.get("PS2 Status")));
        assertEquals(25, steady.sensorTypes().orElseThrow().size());
    }

    @Test
    void aFailedSessionIsClassifiedWithVerboseOutputAndTheNextPollStartsVerbose() throws IOException {
        PollResult first = poller.poll(request(Optional.empty(), Optional.of(false), Optional.empty()));
        Files.createFile(dir.resolve("refusing"));
        Files.delete(log);
        PollRequest steady = request(first.sdrSignature(), Optional.of(false), first.firmware());

        // without -v the wrong password and silence say the same: asked again with -v, it is the password
        CollectionFailure failure = assertThrows(CollectionFailure.class, () -> poller.poll(steady));
        assertEquals(PollOutcome.AUTH_FAILED, failure.outcome(), failure.getMessage());
        assertEquals(2, calls().size(), calls().toString());
        Files.delete(log);

        assertEquals(PollOutcome.AUTH_FAILED, assertThrows(CollectionFailure.class, () -> poller.poll(steady)).outcome());
        assertEquals(1, calls().size(), "a BMC that stays refused is asked once per poll: " + calls());
        assertTrue(calls().get(0).contains(" -v "), calls().toString());
        Files.delete(log);

        Files.delete(dir.resolve("refusing"));
        PollResult back = poller.poll(steady);
        assertEquals(25, back.sensors().size(), calls().toString() + back);
        assertTrue(calls().get(0).contains(" -v "), calls().toString());
        Files.delete(log);
        assertEquals(25, poller.poll(steady).sensors().size());
        assertTrue(!calls().get(0).contains(" -v "), "once answered, quiet again: " + calls());
    }

    @Test
    void anSdrChangeRebuildsTheCacheAndReadsTheSensorsAgain() throws IOException {
        PollResult first = poller.poll(request(Optional.empty(), Optional.of(false), Optional.empty()));
        Files.delete(log);

        PollResult changed = poller.poll(request(Optional.of("an older SDR"), Optional.of(false), first.firmware()));

        List<String> calls = calls();
        assertTrue(calls.get(0).contains(" exec "), calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.contains("sdr dump")), calls.toString());
        assertTrue(changed.sdr().isPresent());
        assertEquals(25, changed.sensors().size());
    }

    @Test
    void dcmiIsAskedOnceAndAgainOnlyAfterTheFirmwareChanged() throws IOException {
        PollResult first = poller.poll(request(Optional.empty(), Optional.empty(), Optional.empty()));
        assertEquals(Optional.of(false), first.dcmiSupported());
        assertEquals(1, calls().stream().filter(c -> c.contains("dcmi")).count());
        Files.delete(log);

        poller.poll(request(first.sdrSignature(), Optional.of(false), first.firmware()));
        assertTrue(calls().stream().noneMatch(c -> c.contains("dcmi")), calls().toString());
        Files.delete(log);

        // the daily re-read of the names finds another firmware: what the old one supported is asked again
        PollResult updated = poller.poll(new PollRequest(TARGET, false, cursor(), first.sdrSignature(), true,
                Optional.of(false), Optional.of("343/3073/1.72"), true));
        assertTrue(calls().stream().anyMatch(c -> c.contains("mc info")), calls().toString());
        assertEquals(1, calls().stream().filter(c -> c.contains("dcmi")).count(), calls().toString());
        assertEquals(Optional.of(false), updated.dcmiSupported());
    }

    @Test
    void pollsThatSkipSensorsAskOnlyTheProbe() throws IOException {
        PollResult first = poller.poll(request(Optional.empty(), Optional.of(false), Optional.empty()));
        Files.delete(log);
        PollResult skipped = poller.poll(new PollRequest(TARGET, false, cursor(), first.sdrSignature(), false,
                Optional.of(false), first.firmware(), false));
        assertEquals(1, calls().size(), calls().toString());
        assertTrue(!calls().get(0).contains(" -S "), calls().get(0));
        assertTrue(skipped.sensors().isEmpty());
    }

    private static PollRequest request(Optional<String> signature, Optional<Boolean> dcmi, Optional<String> firmware) {
        return new PollRequest(TARGET, false, cursor(), signature, false, dcmi, firmware, true);
    }

    /** The captured SEL as already read, so that no SEL record is fetched. */
    private static SelCursor cursor() {
        String head = SdrSensorReadings.beforeListing(PROBE);
        SelInfo sel = SelInfoParser.parse(head.substring(head.indexOf("SEL Information")));
        return new SelCursor(sel.entries(), sel.lastAddEpoch(), sel.lastEraseEpoch(), Optional.of(sel.entries()));
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
