package com.ipmimonitor.collection.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Watches the output of a running ipmitool for a BMC that stopped answering in the middle of a session (frozen,
 * rebooting, its link gone). ipmitool then waits out every remaining command of an exec batch (-N x (-R + 1) s
 * each: 6 s with the defaults, so 128 SEL reads take 13 minutes) and only the hard timeout ended it, holding a
 * collector thread for that long (measured: ipmi_sim stopped 0.35 s into a batch, 8 unanswered commands in 45 s).
 * Some commands in a row that got no answer, with no answer in between (nothing new on stdout), mean the BMC is gone.
 */
final class BmcSilence {

    /** One unanswered command can be a lost datagram; three in a row, without an answer between, are not. */
    static final int UNANSWERED_IN_A_ROW = 3;

    private final Path stdout;
    private final Path stderr;
    private long stdoutSize;
    private long stderrRead;
    private String partialLine = "";
    private int unansweredInARow;

    BmcSilence(Path stdout, Path stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Reads what ipmitool wrote since the last call; true once the BMC has stopped answering. */
    boolean bmcStoppedAnswering() {
        try {
            long size = Files.size(stdout);
            if (size != stdoutSize) {
                stdoutSize = size; // an answer
                unansweredInARow = 0;
            }
            String text = partialLine + readNewStderr();
            int end = text.lastIndexOf('\n');
            partialLine = text.substring(end + 1);
            text.substring(0, end + 1).lines().forEach(line ->
                    unansweredInARow = IpmitoolFailureClassifier.unansweredCommand(line) ? unansweredInARow + 1 : 0);
            return unansweredInARow >= UNANSWERED_IN_A_ROW;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readNewStderr() throws IOException {
        try (FileChannel channel = FileChannel.open(stderr)) {
            long size = channel.size();
            if (size <= stderrRead) {
                return "";
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - stderrRead, 1 << 20));
            channel.read(buffer, stderrRead);
            stderrRead += buffer.position();
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
        }
    }
}
