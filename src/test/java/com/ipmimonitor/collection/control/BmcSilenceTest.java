package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.ipmi.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BmcSilenceTest {

    private static final String UNANSWERED = "Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0 cmd=0x43)\n";
    private static final String NOT_PRESENT = "Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0 cmd=0x43 rsp=0xcb):"
            + " Requested sensor, data, or record not found\n";

    @TempDir
    Path dir;
    private Path out;
    private Path err;
    private BmcSilence silence;

    @BeforeEach
    void files() throws IOException {
        out = Files.createFile(dir.resolve("out"));
        err = Files.createFile(dir.resolve("err"));
        silence = new BmcSilence(out, err);
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
    }

    @Test
    void aSelBatchWhoseBmcFroze() throws IOException {
        // ipmi_sim stopped (SIGSTOP) 0.35 s into a batch of 1,280 SEL reads: 638 answers "not present", then silence
        List<String> captured = Fixtures.ipmitool("ipmi_sim/failures/sel_batch_bmc_frozen.stderr").lines().toList();
        int firstUnanswered = captured.indexOf(UNANSWERED.strip());
        for (int i = 0; i < firstUnanswered + 2; i++) {
            append(err, captured.get(i) + "\n");
        }
        assertFalse(silence.bmcStoppedAnswering(), "two unanswered commands may be lost datagrams");
        append(err, captured.get(firstUnanswered + 2) + "\n");
        assertTrue(silence.bmcStoppedAnswering());
    }

    @Test
    void anAnswerInBetweenStartsTheCountAgain() throws IOException {
        append(err, UNANSWERED + UNANSWERED);
        assertFalse(silence.bmcStoppedAnswering());
        append(out, " 06 05\n ff ff 0b 00 02 86 7d 05 6b 20 00 04 01 01 01 59\n"); // a record read
        append(err, UNANSWERED);
        assertFalse(silence.bmcStoppedAnswering());
        append(err, NOT_PRESENT + UNANSWERED + UNANSWERED); // a refusal is an answer too
        assertFalse(silence.bmcStoppedAnswering());
        append(err, UNANSWERED);
        assertTrue(silence.bmcStoppedAnswering());
    }

    @Test
    void aLineIsCountedOnlyWhenWhole() throws IOException {
        append(err, UNANSWERED + UNANSWERED + "Unable to send RAW command (channel=0x0 netfn=0xa");
        assertFalse(silence.bmcStoppedAnswering(), "the third line is not written to its end yet");
        append(err, " lun=0x0 cmd=0x43 rsp=0xcb): Requested sensor, data, or record not found\n");
        assertFalse(silence.bmcStoppedAnswering(), "it was an answer");
    }

    @Test
    void otherUnansweredCommandsCountTooButNotTheVendorProbesNoise() throws IOException {
        append(err, "Get Board ID command failed\nGet Board ID command failed\nGet Board ID command failed\n");
        assertFalse(silence.bmcStoppedAnswering());
        append(err, "Get SDR command failed\nGet SDR command failed\nGet Sensor Reading command failed\n");
        assertTrue(silence.bmcStoppedAnswering());
    }
}
