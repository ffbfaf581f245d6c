package com.ipmimonitor.collection.control;

import com.ipmimonitor.collection.control.parse.IpmitoolFailureClassifier;
import com.ipmimonitor.collection.control.parse.IpmitoolParseException;
import com.ipmimonitor.collection.control.parse.PowerState;
import com.ipmimonitor.collection.control.parse.PowerStatusParser;
import com.ipmimonitor.collection.control.parse.SdrElistParser;
import com.ipmimonitor.collection.control.parse.SdrEntry;
import com.ipmimonitor.collection.control.parse.SelEntryResponse;
import com.ipmimonitor.collection.control.parse.SelInfo;
import com.ipmimonitor.collection.control.parse.SelInfoParser;
import com.ipmimonitor.collection.control.parse.SelRecord;
import com.ipmimonitor.collection.control.parse.SelRecordDecoder;
import com.ipmimonitor.collection.control.parse.SensorListParser;
import com.ipmimonitor.collection.control.parse.SensorRow;
import com.ipmimonitor.collection.entity.PollOutcome;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One poll of one BMC: power and SEL state in one session, new SEL records only when the SEL changed,
 * SDR names when asked, sensor readings. Throws CollectionFailure with the failure kind.
 */
public class BmcPoller {

    private final IpmitoolRunner runner;
    private final SelWalker walker;

    public BmcPoller(IpmitoolRunner runner, int selBatchSize) {
        this.runner = runner;
        this.walker = new SelWalker(runner, selBatchSize);
    }

    public PollResult poll(BmcTarget target, SelCursor cursor, boolean readSdr) {
        try {
            IpmitoolResult state = checked(runner.probe(target, List.of("power status", "sel info")), "power status + sel info");
            PowerState power = PowerStatusParser.parse(linesStartingWith(state.stdout(), "Chassis Power", true));
            SelInfo sel = SelInfoParser.parse(linesStartingWith(state.stdout(), "Chassis Power", false));
            List<SelRecord> fresh = List.of();
            Optional<Integer> lastId = cursor.lastRecordId();
            if (!cursor.unchanged(sel.entries(), sel.lastAddEpoch(), sel.lastEraseEpoch())) {
                List<SelEntryResponse> read = readSel(target, cursor, sel);
                fresh = read.stream().map(r -> SelRecordDecoder.decode(r.record())).toList();
                lastId = fresh.isEmpty() ? lastId : Optional.of(fresh.get(fresh.size() - 1).recordId());
                if (sel.entries() == 0) {
                    lastId = Optional.empty();
                }
            }
            Optional<List<SdrEntry>> sdr = readSdr
                    ? Optional.of(SdrElistParser.parse(checked(runner.run(target, List.of("sdr", "elist")), "sdr elist").stdout()))
                    : Optional.empty();
            List<SensorRow> sensors = SensorListParser.parse(checked(runner.run(target, List.of("sensor")), "sensor").stdout());
            return new PollResult(power, sel, fresh, lastId, sdr, sensors);
        } catch (IpmitoolParseException e) {
            throw new CollectionFailure(PollOutcome.PARSE_ERROR, e.getMessage());
        }
    }

    private List<SelEntryResponse> readSel(BmcTarget target, SelCursor cursor, SelInfo sel) {
        if (sel.entries() == 0) {
            return List.of();
        }
        Optional<Integer> after = cursor.needsResync(sel.entries(), sel.lastEraseEpoch())
                ? Optional.empty() : cursor.lastRecordId();
        return walker.recordsAfter(target, after, sel.entries())
                .or(() -> walker.recordsAfter(target, Optional.empty(), sel.entries()))
                .orElse(List.of());
    }

    private IpmitoolResult checked(IpmitoolResult result, String what) {
        if (result.timedOut()) {
            throw new CollectionFailure(PollOutcome.TIMEOUT, what + " timed out after " + result.duration().toSeconds() + " s");
        }
        if (result.exitCode() != 0 && result.stdout().isBlank()) {
            PollOutcome outcome = PollOutcome.valueOf(IpmitoolFailureClassifier.classify(result.stderr()).name());
            throw new CollectionFailure(outcome, what + ": " + lastLine(result.stderr()));
        }
        return result;
    }

    private static String linesStartingWith(String text, String prefix, boolean keep) {
        return text.lines().filter(l -> l.startsWith(prefix) == keep).collect(Collectors.joining("\n"));
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }
}
