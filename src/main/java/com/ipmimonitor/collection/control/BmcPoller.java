package com.ipmimonitor.collection.control;

import com.ipmimonitor.ipmi.DcmiPowerParser;
import com.ipmimonitor.ipmi.IpmitoolParseException;
import com.ipmimonitor.ipmi.PowerReading;
import com.ipmimonitor.ipmi.PowerState;
import com.ipmimonitor.ipmi.PowerStatusParser;
import com.ipmimonitor.ipmi.SdrDumpParser;
import com.ipmimonitor.ipmi.SdrElistParser;
import com.ipmimonitor.ipmi.SdrElistReadings;
import com.ipmimonitor.ipmi.SdrEntry;
import com.ipmimonitor.ipmi.SdrInfoParser;
import com.ipmimonitor.ipmi.SdrTypesParser;
import com.ipmimonitor.ipmi.SelEntryResponse;
import com.ipmimonitor.ipmi.SelInfo;
import com.ipmimonitor.ipmi.SelInfoParser;
import com.ipmimonitor.ipmi.SelRecord;
import com.ipmimonitor.ipmi.SelRecordDecoder;
import com.ipmimonitor.ipmi.SensorConversion;
import com.ipmimonitor.ipmi.SensorRow;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.ipmi.McInfo;
import com.ipmimonitor.ipmi.SdrSensorReadings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One poll of one BMC: power, SDR and SEL state and the sensors (through a cached SDR) in one session; new SEL
 * records only when the SEL changed; SDR names, cache and firmware identity only when the SDR changed or daily;
 * DCMI asked once per firmware, its power reading read where the BMC has it.
 * Throws CollectionFailure with the failure kind.
 */
public class BmcPoller {

    static final int FALLBACK_CIPHER_SUITE = 17;
    static final int DEFAULT_CIPHER_SUITE = 3;

    private final IpmitoolRunner runner;
    private final SelWalker walker;

    private final SdrCache sdrCache;
    /**
     * BMCs (host:port) whose last probe without -v could not open a session: their next probe runs with -v, so
     * that a BMC that stays down is not asked twice on every poll (see readState).
     */
    private final Set<String> verboseProbe = ConcurrentHashMap.newKeySet();

    public BmcPoller(IpmitoolRunner runner, int selBatchSize) {
        this(runner, selBatchSize, new SdrCache(runner.workDir().resolve("sdr-cache")));
    }

    public BmcPoller(IpmitoolRunner runner, int selBatchSize, SdrCache sdrCache) {
        this.runner = runner;
        this.walker = new SelWalker(runner, selBatchSize);
        this.sdrCache = sdrCache;
    }

    /** Kills the ipmitool runs under way and refuses new ones: the app is stopping. */
    public void stopIpmitool() {
        runner.stopAll();
    }

    public boolean ipmitoolStopped() {
        return runner.stopped();
    }

    public PollResult poll(PollRequest request) {
        try {
            BmcTarget target = request.target();
            // sensors ride in the probe's session when a cached SDR lets ipmitool read them without the BMC's SDR
            Optional<Path> cache = request.readSensors() ? sdrCache.find(target) : Optional.empty();
            BmcState state;
            try {
                state = readState(target, cache);
            } catch (CollectionFailure f) {
                if (f.outcome() != PollOutcome.UNSUPPORTED || !request.cipherFallback()) {
                    throw f;
                }
                // newer BMCs accept only suite 17 (SHA-256), older ones only 3: try the other one once
                target = withOtherCipherSuite(target);
                state = readState(target, cache);
            }
            SelCursor cursor = request.cursor();
            List<SelRecord> fresh = List.of();
            Optional<Integer> lastId = cursor.lastRecordId();
            if (!cursor.unchanged(state.sel().entries(), state.sel().lastAddEpoch(), state.sel().lastEraseEpoch())) {
                fresh = readSel(target, cursor, state.sel()).stream().map(r -> SelRecordDecoder.decode(r.record())).toList();
                lastId = state.sel().entries() == 0 ? Optional.empty()
                        : fresh.isEmpty() ? lastId : Optional.of(fresh.get(fresh.size() - 1).recordId());
            }
            boolean sdrChanged = state.sdrSignature().isEmpty() || !state.sdrSignature().equals(request.sdrSignature());
            Optional<List<SdrEntry>> sdr = Optional.empty();
            List<SensorConversion> conversions = List.of();
            List<SensorRow> sensors = List.of();
            Optional<Map<String, Integer>> types = Optional.empty();
            Optional<String> firmware = Optional.empty();
            if (request.sdrNamesStale() || sdrChanged) {
                // the cache (if any) described the old SDR: whatever the probe read with it is dropped
                SdrRead read = readSdr(target);
                sdr = Optional.of(read.names());
                conversions = read.conversions();
                sensors = read.sensors();
                firmware = read.firmware();
            } else if (cache.isPresent()) {
                SdrCache.Parsed records = sdrCache.parsed(cache.get());
                sensors = state.verbose() ? SdrSensorReadings.parse(state.listing(), records.conversions())
                        : SdrElistReadings.parse(state.listing(), records.sensors());
                // the cache's sensor types name the discrete states: no need to read them back from sdr_name
                types = state.verbose() ? Optional.empty()
                        : Optional.of(SdrElistReadings.sensorTypes(state.listing(), records.sensors()));
            } else if (request.readSensors()) {
                // no cache yet (first poll since an upgrade, or a lost file): build it, then read with it
                List<SensorConversion> records = refreshCache(target);
                sensors = readListing(target, sdrCache.find(target), records).sensors();
            }
            boolean firmwareChanged = firmware.isPresent() && request.firmware().isPresent()
                    && !firmware.equals(request.firmware());
            Optional<Boolean> known = firmwareChanged ? Optional.empty() : request.dcmiSupported();
            // asked once and remembered; a BMC with DCMI gives its power reading with the sensors. ipmitool 1.8.19
            // cannot run `dcmi power reading` inside exec (it prints "Invalid sample time"), hence a run of its own
            boolean askDcmi = known.isEmpty() || known.get() && request.readSensors();
            Optional<Optional<PowerReading>> dcmi = askDcmi ? readDcmi(target) : Optional.empty();
            return new PollResult(state.power(), state.sel(), fresh, lastId, state.sdrSignature(), sdr, conversions, sensors,
                    dcmi.flatMap(r -> r), askDcmi ? Optional.of(dcmi.isPresent()) : Optional.empty(), firmware,
                    target.cipherSuite(), types);
        } catch (IpmitoolParseException e) {
            throw new CollectionFailure(PollOutcome.PARSE_ERROR, e.getMessage());
        }
    }

    /** Names, types, conversions (into the cache), sensors and firmware identity: when the SDR changed, or daily. */
    private SdrRead readSdr(BmcTarget target) {
        List<SensorConversion> conversions = refreshCache(target);
        Optional<Path> cache = sdrCache.find(target);
        List<SdrEntry> names = SdrElistParser.parse(afterProbe(runner.run(target, IpmitoolRunner.withSdrCache(cache, "sdr", "elist")),
                "sdr elist").stdout());
        SdrRead listing = readListing(target, cache, conversions);
        return new SdrRead(withTypes(names, listing.types()), conversions, listing.sensors(), readFirmware(target));
    }

    /**
     * The verbose SDR listing: each sensor's type (discrete states mean something only with it) and reading. A BMC
     * that fails it, but still answers, keeps its names; it then has no readings this poll.
     */
    private SdrRead readListing(BmcTarget target, Optional<Path> cache, List<SensorConversion> conversions) {
        IpmitoolResult result = runner.run(target, IpmitoolRunner.withSdrCache(cache, "-v", "sdr", "elist"));
        if (result.timedOut()) {
            throw new CollectionFailure(PollOutcome.TIMEOUT, "sdr elist -v timed out");
        }
        failIfGivenUp(result, "sdr elist -v");
        failIfSessionLost(result, "sdr elist -v");
        String out = result.stdout();
        return new SdrRead(List.of(), conversions, SdrSensorReadings.parse(out, conversions), Optional.empty(),
                SdrTypesParser.parse(out));
    }

    private Optional<String> readFirmware(BmcTarget target) {
        IpmitoolResult result = runner.run(target, List.of("mc", "info"));
        if (result.timedOut()) {
            throw new CollectionFailure(PollOutcome.TIMEOUT, "mc info timed out");
        }
        failIfGivenUp(result, "mc info");
        failIfSessionLost(result, "mc info");
        return result.exitCode() == 0 ? McInfo.firmware(result.stdout()) : Optional.empty();
    }

    private record SdrRead(List<SdrEntry> names, List<SensorConversion> conversions, List<SensorRow> sensors,
                           Optional<String> firmware, Map<Integer, Integer> types) {
        SdrRead(List<SdrEntry> names, List<SensorConversion> conversions, List<SensorRow> sensors, Optional<String> firmware) {
            this(names, conversions, sensors, firmware, Map.of());
        }
    }

    /**
     * `sdr dump` into the BMC's cache file; its full sensor records give the conversion factors (for the reading and
     * threshold of threshold events, and the thresholds of sensor readings). A BMC whose dump fails or cannot be read
     * still polls, without a cache; its threshold events then lack the reading, as ipmitool's would without an SDR.
     */
    private List<SensorConversion> refreshCache(BmcTarget target) {
        IpmitoolRunner.SdrDump dump = runner.sdrDump(target);
        if (dump.result().timedOut()) {
            throw new CollectionFailure(PollOutcome.TIMEOUT, "sdr dump timed out");
        }
        failIfGivenUp(dump.result(), "sdr dump");
        failIfSessionLost(dump.result(), "sdr dump");
        try {
            if (dump.result().exitCode() == 0 && dump.bytes().length > 0) {
                List<SensorConversion> conversions = SdrDumpParser.conversions(dump.bytes());
                sdrCache.store(target, dump.bytes());
                return conversions;
            }
        } catch (IpmitoolParseException e) {
            // not an SDR: no cache, rather than one that makes ipmitool misname sensors
        }
        sdrCache.forget(target);
        return List.of();
    }

    /** listing: the sensors' `sdr elist`, verbose (SdrSensorReadings) or plain (SdrElistReadings). */
    private record BmcState(PowerState power, SelInfo sel, Optional<String> sdrSignature, String listing,
                            boolean verbose) {
    }

    /**
     * One session: `power status`, `sdr info`, `sel info`, and with a cached SDR `sdr elist` (the sensors). With a
     * cache the probe runs without -v: -v would make the listing verbose (8 times the text, ipmitool's CPU up by a
     * quarter), and the sensor details it adds come from the cache. Without -v, ipmitool gives the same words for
     * a wrong password, a rejected cipher suite and silence, so a probe that cannot open a session is asked again
     * with -v (and the next poll of that BMC starts with -v, until a probe succeeds).
     */
    private BmcState readState(BmcTarget target, Optional<Path> cache) {
        String key = target.host() + ":" + target.port();
        if (cache.isPresent() && !verboseProbe.contains(key)) {
            IpmitoolResult quiet = runner.exec(target, commands(cache), cache);
            if (quiet.timedOut() || quiet.exitCode() == 0 || !noSession(quiet)) {
                return stateOf(target, quiet, false);
            }
            verboseProbe.add(key);
        }
        BmcState state = stateOf(target, runner.probe(target, commands(cache), cache), true);
        verboseProbe.remove(key);
        return state;
    }

    private static List<String> commands(Optional<Path> cache) {
        return cache.isPresent() ? List.of("power status", "sdr info", "sel info", "sdr elist")
                : List.of("power status", "sdr info", "sel info");
    }

    private BmcState stateOf(BmcTarget target, IpmitoolResult probe, boolean verbose) {
        String what = "power status + sdr info + sel info";
        IpmitoolResult result = checked(probe, what);
        String listing = verbose ? SdrSensorReadings.listingIn(result.stdout()) : SdrElistReadings.rowsIn(result.stdout());
        String out = verbose ? SdrSensorReadings.beforeListing(result.stdout()) : SdrElistReadings.withoutRows(result.stdout());
        int sel = out.indexOf("SEL Information");
        if (sel < 0 && result.exitCode() != 0) {
            // the BMC answered the first commands, then stopped: why is on stderr, not in the output we have
            throw classifiedFailure(result, what);
        }
        if (sel < 0) {
            throw new IpmitoolParseException("no sel info in the output", out.strip());
        }
        String head = out.substring(0, sel);
        String power = head.lines().filter(l -> l.startsWith("Chassis Power")).findFirst().orElse(head);
        String sdrInfo = head.lines().filter(l -> !l.startsWith("Chassis Power")).reduce("", (a, b) -> a + b + "\n");
        return new BmcState(PowerStatusParser.parse(power), SelInfoParser.parse(out.substring(sel)), sdrSignature(sdrInfo),
                listing, verbose);
    }

    private static Optional<String> sdrSignature(String sdrInfo) {
        try {
            return Optional.of(SdrInfoParser.signature(sdrInfo));
        } catch (IpmitoolParseException e) {
            return Optional.empty(); // a BMC without sdr info: names are refreshed on the daily schedule instead
        }
    }

    private static List<SdrEntry> withTypes(List<SdrEntry> entries, Map<Integer, Integer> types) {
        return entries.stream().map(e -> types.containsKey(e.sensorNumber())
                ? e.withSensorType(OptionalInt.of(types.get(e.sensorNumber()))) : e).toList();
    }

    /** Empty when the BMC has no DCMI power reading; present-but-empty when measurement is deactivated. */
    private Optional<Optional<PowerReading>> readDcmi(BmcTarget target) {
        IpmitoolResult result = runner.run(target, List.of("dcmi", "power", "reading"));
        if (result.timedOut()) {
            throw new CollectionFailure(PollOutcome.TIMEOUT, "dcmi power reading timed out");
        }
        failIfGivenUp(result, "dcmi power reading");
        failIfSessionLost(result, "dcmi power reading");
        if (result.exitCode() != 0 || !result.stdout().contains("Instantaneous power reading")) {
            return Optional.empty();
        }
        return Optional.of(DcmiPowerParser.parse(result.stdout()));
    }

    private List<SelEntryResponse> readSel(BmcTarget target, SelCursor cursor, SelInfo sel) {
        if (sel.entries() == 0) {
            return List.of();
        }
        Optional<Integer> after = cursor.needsResync(sel.entries(), sel.lastEraseEpoch())
                ? Optional.empty() : cursor.lastRecordId();
        int expected = after.isPresent() ? Math.max(1, sel.entries() - cursor.entries()) : sel.entries();
        return walker.recordsAfter(target, after, expected)
                .or(() -> walker.recordsAfter(target, Optional.empty(), sel.entries()))
                .orElse(List.of());
    }

    /** `sel clear` on the BMC. The caller archives first: a clear is only safe after a successful poll. */
    public void clearSel(BmcTarget target) {
        IpmitoolResult result = runner.probe(target, List.of("sel clear"));
        if (result.timedOut() || result.exitCode() != 0) {
            checked(result, "sel clear");
            throw new CollectionFailure(PollOutcome.ERROR, "sel clear: " + lastLine(result.stderr()));
        }
    }

    static BmcTarget withOtherCipherSuite(BmcTarget t) {
        int other = t.cipherSuite() == FALLBACK_CIPHER_SUITE ? DEFAULT_CIPHER_SUITE : FALLBACK_CIPHER_SUITE;
        return new BmcTarget(t.host(), t.port(), t.user(), t.password(), other);
    }

    private IpmitoolResult checked(IpmitoolResult result, String what) {
        if (result.timedOut()) {
            throw new CollectionFailure(PollOutcome.TIMEOUT, what + " timed out after " + result.duration().toSeconds() + " s");
        }
        failIfGivenUp(result, what);
        if (result.exitCode() != 0 && (result.stdout().isBlank() || noSession(result))) {
            throw classifiedFailure(result, what);
        }
        return result;
    }

    /**
     * A command after the probe. Only the probe runs with -v, so a later session that cannot be opened says no more
     * than that; the probe opened one with the same credentials moments ago, so the BMC (or the link) stopped
     * answering: UNREACHABLE, not an unexplained ERROR. Without this, a BMC without DCMI and one that stopped
     * answering at the DCMI step would look alike.
     */
    private IpmitoolResult afterProbe(IpmitoolResult result, String what) {
        failIfSessionLost(result, what);
        return checked(result, what);
    }

    /** Output cut short by a BMC that stopped answering is no output to read (a sensor list would miss sensors). */
    private static void failIfGivenUp(IpmitoolResult result, String what) {
        if (result.gaveUp()) {
            throw new CollectionFailure(PollOutcome.UNREACHABLE, what + ": " + IpmitoolFailureClassifier.reason(result.stderr()));
        }
    }

    private static void failIfSessionLost(IpmitoolResult result, String what) {
        if (!result.timedOut() && result.exitCode() != 0 && noSession(result)) {
            CollectionFailure said = classifiedFailure(result, what);
            throw said.outcome() == PollOutcome.ERROR ? new CollectionFailure(PollOutcome.UNREACHABLE, said.getMessage()) : said;
        }
    }

    private static CollectionFailure classifiedFailure(IpmitoolResult result, String what) {
        // ipmitool prints an ASF pong's "IPMI NOT Supported" on stdout, so a failure is classified from both streams
        String said = result.stdout() + "\n" + result.stderr();
        return new CollectionFailure(IpmitoolFailureClassifier.classify(said),
                what + ": " + IpmitoolFailureClassifier.reason(said));
    }

    /** No session means nothing on stdout is the output of a command. */
    private static boolean noSession(IpmitoolResult result) {
        return IpmitoolFailureClassifier.noSession(result.stderr());
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }
}
