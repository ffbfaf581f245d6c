package com.ipmimonitor.collection.control;

import com.ipmimonitor.ipmi.DcmiPowerParser;
import com.ipmimonitor.ipmi.ExecSections;
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
import java.util.ArrayList;
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
    /** The sections of a probe's output that follow its own commands (ExecSections). */
    static final String MC_INFO = "mc-info";
    static final String DCMI = "dcmi";
    static final String SDR_DUMP = "sdr-dump";
    static final String SDR_ELIST = "sdr-elist";

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
            // known before the probe: a first poll, or the daily refresh, reads the SDR and the firmware whatever the
            // probe finds, and DCMI is asked of a BMC never asked (or that has it, on a sensor poll). Those ride in
            // the probe's session: a session's setup costs ipmitool more CPU than any of these commands
            ProbeExtras extras = new ProbeExtras(request.sdrNamesStale() || request.sdrSignature().isEmpty(),
                    request.dcmiSupported().map(has -> has && request.readSensors()).orElse(true));
            // sensors ride in the probe's session when a cached SDR lets ipmitool read them without the BMC's SDR;
            // not when the SDR is read anew anyway (the cache may describe the old one)
            Optional<Path> cache = request.readSensors() && !extras.sdr() ? sdrCache.find(target) : Optional.empty();
            BmcState state;
            try {
                state = readState(target, cache, extras);
            } catch (CollectionFailure f) {
                if (f.outcome() != PollOutcome.UNSUPPORTED || !request.cipherFallback()) {
                    throw f;
                }
                // newer BMCs accept only suite 17 (SHA-256), older ones only 3: try the other one once
                target = withOtherCipherSuite(target);
                state = readState(target, cache, extras);
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
                SdrRead read = readSdr(target, state);
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
            // asked once and remembered; a BMC with DCMI gives its power reading with the sensors, in the probe's
            // session when the probe asked it (ProbeExtras), else in a run of its own
            boolean askDcmi = known.isEmpty() || known.get() && request.readSensors();
            BmcTarget asked = target;
            Optional<Optional<PowerReading>> dcmi = askDcmi
                    ? state.section(DCMI).map(BmcPoller::dcmiIn).orElseGet(() -> readDcmi(asked)) : Optional.empty();
            return new PollResult(state.power(), state.sel(), fresh, lastId, state.sdrSignature(), sdr, conversions, sensors,
                    dcmi.flatMap(r -> r), askDcmi ? Optional.of(dcmi.isPresent()) : Optional.empty(), firmware,
                    target.cipherSuite(), types);
        } catch (IpmitoolParseException e) {
            throw new CollectionFailure(PollOutcome.PARSE_ERROR, e.getMessage());
        }
    }

    /**
     * What the probe's session reads besides power, SDR and SEL state. sdr: `mc info`, `sdr dump` and `sdr elist`
     * (the SDR is read whatever its signature says); dcmi: `dcmi power reading`.
     */
    private record ProbeExtras(boolean sdr, boolean dcmi) {
    }

    /**
     * Names, types, conversions (into the cache), sensors and firmware identity: when the SDR changed, or daily. The
     * dump, `mc info` and the plain `sdr elist` come from the probe's session when it ran them (a first poll, the
     * daily refresh), else from runs of their own; the listing gives the names and, with the dump's records, the
     * readings as a steady-state poll reads them (SdrElistReadings), and the dump gives each sensor's type: no
     * verbose listing.
     */
    private SdrRead readSdr(BmcTarget target, BmcState state) {
        Optional<byte[]> dumped = state.dump();
        List<SensorConversion> conversions = dumped.isPresent() ? storeCache(target, dumped.get()) : refreshCache(target);
        Optional<Path> cache = sdrCache.find(target);
        // the probe's session listed the SDR after dumping it; else (or when it listed nothing) a run of its own
        String listing = state.section(SDR_ELIST).filter(rows -> dumped.isPresent() && !rows.isBlank())
                .orElseGet(() -> afterProbe(runner.run(target, IpmitoolRunner.withSdrCache(cache, "sdr", "elist")),
                        "sdr elist").stdout());
        List<SdrEntry> names = SdrElistParser.parse(listing);
        Optional<String> firmware = state.section(MC_INFO).map(McInfo::firmware).orElseGet(() -> readFirmware(target));
        if (cache.isPresent()) {
            SdrCache.Parsed records = sdrCache.parsed(cache.get());
            return new SdrRead(withTypes(names, records.types()), conversions,
                    SdrElistReadings.parse(listing, records.sensors()), firmware);
        }
        // no cache (the BMC's dump failed or was no SDR): the verbose listing has the types and the readings
        SdrRead verbose = readListing(target, cache, conversions);
        return new SdrRead(withTypes(names, verbose.types()), conversions, verbose.sensors(), firmware);
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
        return storeCache(target, dump.result().exitCode() == 0 ? dump.bytes() : new byte[0]);
    }

    /** The dump into the BMC's cache file, and its conversions; no file (and none) when it is empty or no SDR. */
    private List<SensorConversion> storeCache(BmcTarget target, byte[] dump) {
        try {
            if (dump.length > 0) {
                List<SensorConversion> conversions = SdrDumpParser.conversions(dump);
                sdrCache.store(target, dump);
                return conversions;
            }
        } catch (IpmitoolParseException e) {
            // not an SDR: no cache, rather than one that makes ipmitool misname sensors
        }
        sdrCache.forget(target);
        return List.of();
    }

    /**
     * listing: the sensors' `sdr elist`, verbose (SdrSensorReadings) or plain (SdrElistReadings); stdout: the whole
     * output, with the sections of the ProbeExtras; dumped: what its `sdr dump` wrote (empty: it dumped nothing).
     */
    private record BmcState(PowerState power, SelInfo sel, Optional<String> sdrSignature, String listing,
                            boolean verbose, String stdout, byte[] dumped) {

        Optional<String> section(String name) {
            return ExecSections.section(stdout, name);
        }

        /** The SDR as the probe's session dumped it: only when the dump started (its line) and wrote something. */
        Optional<byte[]> dump() {
            boolean started = section(SDR_DUMP).filter(out -> out.contains("Dumping Sensor Data Repository")).isPresent();
            return started && dumped.length > 0 ? Optional.of(dumped) : Optional.empty();
        }
    }

    /**
     * One session: `power status`, `sdr info`, `sel info`, and with a cached SDR `sdr elist` (the sensors), then the
     * ProbeExtras. With a cache the probe runs without -v: -v would make the listing verbose (8 times the text,
     * ipmitool's CPU up by a quarter), and the sensor details it adds come from the cache. Without -v, ipmitool gives
     * the same words for a wrong password, a rejected cipher suite and silence, so a probe that cannot open a session
     * is asked again with -v (and the next poll of that BMC starts with -v, until a probe succeeds).
     */
    private BmcState readState(BmcTarget target, Optional<Path> cache, ProbeExtras extras) {
        String key = target.host() + ":" + target.port();
        List<String> commands = commands(cache, extras);
        if (cache.isPresent() && !verboseProbe.contains(key)) {
            IpmitoolResult quiet = runner.exec(target, commands, cache);
            if (quiet.timedOut() || quiet.exitCode() == 0 || !noSession(quiet)) {
                return stateOf(quiet, false, new byte[0]);
            }
            verboseProbe.add(key);
        }
        BmcState state;
        if (extras.sdr()) {
            IpmitoolRunner.SdrDump probe = runner.probeWithSdrDump(target, commands, AFTER_DUMP);
            state = stateOf(probe.result(), true, probe.bytes());
        } else {
            state = stateOf(runner.probe(target, commands, cache), true, new byte[0]);
        }
        verboseProbe.remove(key);
        return state;
    }

    /**
     * After the probe's `sdr dump`: the plain listing, which gives the names and readings (the verbose one would not
     * give the names as `sdr elist` prints them). ipmitool reads the SDR from the BMC once more for it (no -S: the
     * cache file is written only now), a few messages per record in a session already open, where a run with the
     * new cache would cost a session's setup.
     */
    private static final List<String> AFTER_DUMP = List.of(ExecSections.marker(SDR_ELIST), "set verbose 0", "sdr elist");

    /** The probe's batch; with extras.sdr its last line is the dump's marker, the runner adds `sdr dump FILE`. */
    private static List<String> commands(Optional<Path> cache, ProbeExtras extras) {
        List<String> lines = new ArrayList<>(List.of("power status", "sdr info", "sel info"));
        if (cache.isPresent()) {
            lines.add("sdr elist");
        }
        if (extras.sdr()) {
            lines.addAll(List.of(ExecSections.marker(MC_INFO), "mc info"));
        }
        if (extras.dcmi()) {
            // the marker's four words also keep ipmitool 1.8.19 from reading a sample time out of thin air
            lines.addAll(List.of(ExecSections.marker(DCMI), "dcmi power reading"));
        }
        if (extras.sdr()) {
            lines.add(ExecSections.marker(SDR_DUMP));
        }
        return lines;
    }

    private BmcState stateOf(IpmitoolResult probe, boolean verbose, byte[] dumped) {
        String what = "power status + sdr info + sel info";
        IpmitoolResult result = checked(probe, what);
        // the probe's own commands come before the sections of the extras
        String own = ExecSections.head(result.stdout());
        String listing = verbose ? SdrSensorReadings.listingIn(own) : SdrElistReadings.rowsIn(own);
        String out = verbose ? SdrSensorReadings.beforeListing(own) : SdrElistReadings.withoutRows(own);
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
                listing, verbose, result.stdout(), dumped);
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
        return result.exitCode() != 0 ? Optional.empty() : dcmiIn(result.stdout());
    }

    /** `dcmi power reading`'s output: empty when it printed no reading (no DCMI; exec's exit code is the batch's). */
    private static Optional<Optional<PowerReading>> dcmiIn(String out) {
        return out.contains("Instantaneous power reading") ? Optional.of(DcmiPowerParser.parse(out)) : Optional.empty();
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
