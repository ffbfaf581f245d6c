package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.SelEntryResponse;
import com.ipmimonitor.collection.entity.PollOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SelWalker against a fake ipmitool that answers {@code exec FILE} full of Get SEL Entry raw commands from a
 * small SEL kept in a data file (one 16-byte record per line, in chain order), printing responses exactly like
 * ipmitool: " xx xx ..." lines of at most 16 bytes, nothing on stdout for a missing id, an error on stderr, rc 1.
 */
class SelWalkerTest {

    private static final BmcTarget TARGET = new BmcTarget("127.0.0.1", 6230, "admin", "secret", 3);

    private static final String FAKE_IPMITOOL = """
            import sys
            sel_file, log_file = sys.argv[1], sys.argv[2]
            args = sys.argv[3:]
            assert args[-2] == "exec", args
            records = [bytes.fromhex(l.strip()) for l in open(sel_file) if l.strip()]
            by_id = {}
            for i, r in enumerate(records):
                nxt = records[i + 1][0] | records[i + 1][1] << 8 if i + 1 < len(records) else 0xFFFF
                by_id[r[0] | r[1] << 8] = (nxt, r)
            if records:
                by_id[0] = by_id[records[0][0] | records[0][1] << 8]
            rc = 0
            asked = []
            for line in open(args[-1]):
                t = line.split()
                if not t:
                    continue
                assert t[:5] == ["raw", "0x0a", "0x43", "0x00", "0x00"] and t[7:] == ["0x00", "0xff"], t
                rid = int(t[5], 16) | int(t[6], 16) << 8
                asked.append(rid)
                if rid not in by_id:
                    sys.stderr.write("Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0 cmd=0x43 rsp=0xcb):"
                                     " Requested sensor, data, or record not found\\n")
                    rc = 1
                    continue
                nxt, rec = by_id[rid]
                data = bytes([nxt & 0xFF, nxt >> 8]) + rec
                out = ""
                for i, b in enumerate(data):
                    if i and i % 16 == 0:
                        out += "\\n"
                    out += " %02x" % b
                sys.stdout.write(out + "\\n")
            with open(log_file, "a") as log:
                log.write(" ".join(str(a) for a in asked) + "\\n")
            sys.exit(rc)
            """;

    @TempDir
    Path dir;

    private Path selFile;
    private Path requestLog;

    /** Installs the fake with the given SEL (record ids in chain order) and returns a walker over it. */
    private SelWalker walkerOver(int batchSize, int... ids) throws IOException {
        return walkerCapped(batchSize, batchSize, ids);
    }

    private SelWalker walkerCapped(int batchSize, int maxBatch, int... ids) throws IOException {
        selFile = dir.resolve("sel.txt");
        requestLog = dir.resolve("requests.log");
        List<String> lines = new ArrayList<>();
        for (int id : ids) {
            lines.add(HexFormat.of().formatHex(recordBytes(id)));
        }
        Files.write(selFile, lines, StandardCharsets.US_ASCII);
        Path py = dir.resolve("fake_ipmitool.py");
        Files.writeString(py, FAKE_IPMITOOL, StandardCharsets.US_ASCII);
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Path fake = dir.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/sh\nexec " + python + " '" + py + "' '" + selFile + "' '" + requestLog + "' \"$@\"\n",
                StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path home = Files.createDirectories(dir.resolve("home"));
        IpmitoolRunner runner = new IpmitoolRunner(new IpmitoolSettings(fake.toString(), Duration.ofSeconds(20), 2, 1, home, work));
        return new SelWalker(runner, batchSize, maxBatch);
    }

    /** A system event record (Correctable ECC on sensor 0x50) whose first two bytes are its id, LE. */
    private static byte[] recordBytes(int id) {
        byte[] r = HexFormat.of().parseHex("0000029338e56a2000040c506fa00001");
        r[0] = (byte) id;
        r[1] = (byte) (id >> 8);
        r[15] = (byte) id; // makes each record's content distinct
        return r;
    }

    private static List<Integer> idsOf(List<SelEntryResponse> responses) {
        return responses.stream().map(SelWalker::recordId).toList();
    }

    private List<List<Integer>> batchesRequested() throws IOException {
        return Files.readAllLines(requestLog).stream()
                .map(l -> l.isBlank() ? List.<Integer>of() : Arrays.stream(l.trim().split(" ")).map(Integer::valueOf).toList())
                .toList();
    }

    @Test
    void aBatchCutShortByABmcThatStoppedAnsweringFailsInsteadOfPassingForTheEndOfTheSel() throws IOException {
        // captured: ipmi_sim frozen (SIGSTOP) during a batch; the answered records on stdout, then raw commands
        // that got no response at all (no "rsp=", unlike a record that does not exist)
        Path fake = dir.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/sh\ncat '%s'; cat '%s' >&2; exit 1\n".formatted(
                fixture("ipmi_sim/failures/sel_batch_unanswered.stdout"), fixture("ipmi_sim/failures/sel_batch_unanswered.stderr")));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path work = Files.createDirectories(dir.resolve("work"));
        SelWalker walker = new SelWalker(new IpmitoolRunner(new IpmitoolSettings(fake.toString(), Duration.ofSeconds(20), 2, 1,
                dir, work)), 16);

        var failure = assertThrows(CollectionFailure.class, () -> walker.recordsAfter(TARGET, Optional.empty(), 1236));

        assertEquals(PollOutcome.UNREACHABLE, failure.outcome());
        assertEquals("Get SEL Entry batch: Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0 cmd=0x43)",
                failure.getMessage());
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name.replace('/', '-'));
        Files.writeString(file, com.ipmimonitor.ipmi.Fixtures.ipmitool(name));
        return file;
    }

    @Test
    void readsTheWholeSelWhenNoRecordIsKnown() throws IOException {
        SelWalker walker = walkerOver(8, 1, 2, 3, 4, 5);

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.empty(), 5);

        assertTrue(got.isPresent());
        assertEquals(List.of(1, 2, 3, 4, 5), idsOf(got.get()));
        assertEquals(List.of(2, 3, 4, 5, SelWalker.END_OF_SEL), got.get().stream().map(SelEntryResponse::nextRecordId).toList());
        assertTrue(got.get().get(4).isLast());
        for (SelEntryResponse r : got.get()) {
            assertEquals(HexFormat.of().formatHex(recordBytes(SelWalker.recordId(r))), HexFormat.of().formatHex(r.record()));
        }
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6)), batchesRequested(), "one session for a small SEL");
    }

    @Test
    void aFullReadAsksForTheRecordsSelInfoAnnouncedNotAWholeBatch() throws IOException {
        // 30 records: a fixed 128-id batch would spend 97 round trips on ids that do not exist
        SelWalker walker = walkerCapped(128, 128, ids(1, 30));

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.empty(), 30);

        assertEquals(Optional.of(rangeList(1, 30)), got.map(SelWalkerTest::idsOf));
        assertEquals(List.of(rangeList(0, 31)), batchesRequested(), "the first record, the 30 announced and one more");
    }

    @Test
    void aLargeSelIsReadInOneSessionNotOnePerBatch() throws IOException {
        // a session costs ipmitool as much CPU as ~200 Get SEL Entry commands: 1,500 records 128 at a time were 12
        SelWalker walker = walkerCapped(8, 1024, ids(1, 300));

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.empty(), 300);

        assertEquals(300, got.orElseThrow().size());
        assertEquals(List.of(rangeList(0, 301)), batchesRequested());
    }

    @Test
    void aSelLargerThanASessionTakesAsFewSessionsAsTheCapAllows() throws IOException {
        SelWalker walker = walkerCapped(4, 16, ids(1, 40));

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.empty(), 40);

        assertEquals(40, got.orElseThrow().size());
        assertEquals(List.of(rangeList(0, 15), rangeList(16, 31), rangeList(32, 42)), batchesRequested());
    }

    @Test
    void manyNewRecordsAfterAKnownOneAreReadInOneSession() throws IOException {
        SelWalker walker = walkerCapped(8, 1024, ids(1, 100));

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.of(10), 90);

        assertEquals(90, got.orElseThrow().size());
        assertEquals(List.of(rangeList(10, 101)), batchesRequested());
    }

    private static int[] ids(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).toArray();
    }

    private static List<Integer> rangeList(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void readsOnlyTheRecordsNewerThanTheKnownOne() throws IOException {
        SelWalker walker = walkerOver(8, 1, 2, 3, 4, 5);

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.of(3), 2);

        assertEquals(Optional.of(List.of(4, 5)), got.map(SelWalkerTest::idsOf));
        assertEquals(3, batchesRequested().get(0).get(0), "the walk starts at the known record, not at the beginning");
    }

    @Test
    void nothingNewAfterTheLastRecordGivesAnEmptyList() throws IOException {
        SelWalker walker = walkerOver(4, 1, 2, 3, 4, 5);

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.of(5), 0);

        assertEquals(Optional.of(List.of()), got);
    }

    @Test
    void followsTheNextChainAcrossBatchesWhenIdsAreNotConsecutive() throws IOException {
        SelWalker walker = walkerOver(2, 1, 2, 7, 9);

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.empty(), 4);

        assertEquals(Optional.of(List.of(1, 2, 7, 9)), got.map(SelWalkerTest::idsOf));
        List<List<Integer>> batches = batchesRequested();
        assertTrue(batches.stream().allMatch(b -> b.size() <= 2), batches.toString());
        assertTrue(batches.stream().anyMatch(b -> b.get(0) == 7), "re-batches at the gap: " + batches);
        assertTrue(batches.stream().flatMap(List::stream).noneMatch(id -> id == 5), "does not walk the gap: " + batches);
    }

    @Test
    void followsTheChainFromAKnownRecordAcrossAGap() throws IOException {
        SelWalker walker = walkerOver(2, 1, 2, 7, 9, 0x120);

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.of(2), 3);

        assertEquals(Optional.of(List.of(7, 9, 0x120)), got.map(SelWalkerTest::idsOf));
    }

    @Test
    void knownRecordThatNoLongerExistsAsksForAResync() throws IOException {
        // the SEL was cleared and refilled: record 3 is gone
        SelWalker walker = walkerOver(4, 5, 6, 7);

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.of(3), 3);

        assertEquals(Optional.empty(), got);
    }

    @Test
    void emptySelGivesAnEmptyList() throws IOException {
        SelWalker walker = walkerOver(4);

        Optional<List<SelEntryResponse>> got = walker.recordsAfter(TARGET, Optional.empty(), 0);

        assertEquals(Optional.of(List.of()), got);
        assertEquals(1, batchesRequested().size(), "one session is enough to see an empty SEL");
    }

    @Test
    void everyRecordIdIsAskedAsTheFormatWouldWriteIt() {
        for (int id = 0; id < SelWalker.END_OF_SEL; id++) {
            assertEquals(String.format("raw 0x0a 0x43 0x00 0x00 0x%02x 0x%02x 0x00 0xff", id & 0xFF, (id >> 8) & 0xFF),
                    SelWalker.getSelEntry(id));
        }
    }
}
