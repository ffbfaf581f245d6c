package com.ipmimonitor.collection.control;

import com.ipmimonitor.ipmi.GetSelEntryResponseParser;
import com.ipmimonitor.ipmi.SelEntryResponse;
import com.ipmimonitor.collection.entity.PollOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads SEL records with raw Get SEL Entry commands batched in one ipmitool exec session, following the
 * BMC's next-record chain. `sel elist` would re-read the whole log (and `sel elist last N` still walks it
 * from record 1), so a poll that finds two new records costs one short session instead of a full read.
 */
public class SelWalker {

    static final int END_OF_SEL = 0xFFFF;
    private static final int FIRST_RECORD = 0x0000;
    /**
     * Most commands in one session. A session costs ipmitool about as much CPU as 200 Get SEL Entry commands, so a
     * read of the records sel info announces goes in one session; 1024 commands still end well within the ipmitool
     * timeout on a BMC that takes 30 ms per command.
     */
    static final int MAX_SESSION_COMMANDS = 1024;

    private final IpmitoolRunner runner;
    private final int batchSize;
    private final int maxBatch;

    public SelWalker(IpmitoolRunner runner, int batchSize) {
        this(runner, batchSize, MAX_SESSION_COMMANDS);
    }

    /** batchSize: ids per session once the expected records are read (or not where expected); maxBatch: the most. */
    SelWalker(IpmitoolRunner runner, int batchSize, int maxBatch) {
        this.runner = runner;
        this.batchSize = batchSize;
        this.maxBatch = Math.max(batchSize, maxBatch);
    }

    /**
     * Records after {@code after} (or all records when empty); expectedRecords is how many the caller expects
     * to read (new ones for an incremental read). Returns empty when {@code after} no longer exists on the BMC:
     * the caller must then resync from the start.
     */
    public Optional<List<SelEntryResponse>> recordsAfter(BmcTarget target, Optional<Integer> after, int expectedRecords) {
        Map<Integer, SelEntryResponse> byId = new HashMap<>();
        int cursor = after.orElse(FIRST_RECORD);
        Integer current = null;
        List<SelEntryResponse> ordered = new ArrayList<>();
        Set<Integer> visited = new HashSet<>();
        int batches = expectedRecords / batchSize + 4;
        // the first session asks for the known record (or "first") plus the expected ones, not a fixed batch: of a
        // 128-id batch, a 30-record SEL would leave 97 lookups of ids that do not exist, and a 1,500-record SEL read
        // 128 at a time costs 12 sessions, where the session setup is most of ipmitool's CPU
        int size = Math.min(maxBatch, Math.max(2, expectedRecords + 2));
        for (int b = 0; b < batches; b++) {
            List<SelEntryResponse> got = fetch(target, cursor, size);
            got.forEach(r -> byId.putIfAbsent(recordId(r), r));
            if (current == null) {
                if (after.isPresent() && !byId.containsKey(after.get())) {
                    return Optional.empty();
                }
                // record 0 means "first": its answer is the lowest id that exists
                current = after.orElseGet(() -> byId.keySet().stream().min(Integer::compare).orElse(null));
                if (current == null) {
                    return Optional.of(List.of());
                }
            }
            while (byId.containsKey(current) && visited.add(current)) {
                SelEntryResponse r = byId.get(current);
                if (after.isEmpty() || current.intValue() != after.get()) {
                    ordered.add(r);
                }
                if (r.nextRecordId() == END_OF_SEL) {
                    return Optional.of(ordered);
                }
                current = r.nextRecordId();
            }
            if (visited.contains(current)) {
                break; // a BMC whose chain loops: keep what we have
            }
            cursor = current;
            // the rest of what sel info announced in one more session; a batch where the count was wrong
            size = Math.min(maxBatch, Math.max(batchSize, expectedRecords - ordered.size() + 2));
        }
        return Optional.of(ordered);
    }

    private List<SelEntryResponse> fetch(BmcTarget target, int fromId, int size) {
        List<String> lines = new ArrayList<>();
        // ids are consecutive on most BMCs; where they are not, the chain above finds the gap and re-batches
        for (int id = fromId; id < fromId + size && id < END_OF_SEL; id++) {
            lines.add(getSelEntry(id));
        }
        IpmitoolResult result = runner.exec(target, lines);
        if (result.timedOut()) {
            throw new CollectionFailure(PollOutcome.TIMEOUT,
                    "Get SEL Entry batch timed out after " + result.duration().toSeconds() + " s");
        }
        if (result.gaveUp() || result.exitCode() != 0 && IpmitoolFailureClassifier.bmcStoppedAnswering(result.stderr())) {
            // a batch cut short would pass for the end of the SEL, and the cursor stored after the poll would then
            // skip the records that were never read until the SEL changes again
            throw new CollectionFailure(PollOutcome.UNREACHABLE,
                    "Get SEL Entry batch: " + IpmitoolFailureClassifier.reason(result.stderr()));
        }
        // rc is 1 whenever one id of the batch does not exist, which is normal at the end of the SEL
        return GetSelEntryResponseParser.parse(result.stdout());
    }

    private static final String HEX = "0123456789abcdef";

    /**
     * The batch line of Get SEL Entry for one record id (reservation 0, offset 0, the whole record): "raw 0x0a 0x43
     * 0x00 0x00 0x&lt;lo&gt; 0x&lt;hi&gt; 0x00 0xff". Written by hand: String.format parsed its format anew for every
     * line, tens of thousands of lines on a first read of a fleet.
     */
    static String getSelEntry(int id) {
        char[] line = "raw 0x0a 0x43 0x00 0x00 0x00 0x00 0x00 0xff".toCharArray();
        line[26] = HEX.charAt(id >> 4 & 0xF);
        line[27] = HEX.charAt(id & 0xF);
        line[31] = HEX.charAt(id >> 12 & 0xF);
        line[32] = HEX.charAt(id >> 8 & 0xF);
        return new String(line);
    }

    static int recordId(SelEntryResponse r) {
        return (r.record()[0] & 0xFF) | ((r.record()[1] & 0xFF) << 8);
    }
}
