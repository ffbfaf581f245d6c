package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousLifeTest {

    private static final String HOST = ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^[^@]*@", "");

    @TempDir
    Path dataDir;

    @Test
    void aFirstStartHasNothingToTakeBackAndRecordsItself() throws IOException {
        assertEquals(Optional.empty(), PreviousLife.takeOver(dataDir, "100@" + HOST));
        assertEquals("100@" + HOST, Files.readString(dataDir.resolve(PreviousLife.FILE)).strip());
    }

    @Test
    void theNextStartTakesBackTheLeasesOfADeadPredecessor() throws IOException {
        String dead = deadPid() + "@" + HOST;
        Files.writeString(dataDir.resolve(PreviousLife.FILE), dead + "\n");
        assertEquals(Optional.of(dead), PreviousLife.takeOver(dataDir, "200@" + HOST));
        assertEquals("200@" + HOST, Files.readString(dataDir.resolve(PreviousLife.FILE)).strip());
    }

    @Test
    void aStartWithTheSameNameAsBefore_pid1InAContainer_takesBackItsOwnLeases() throws IOException {
        Files.writeString(dataDir.resolve(PreviousLife.FILE), "1@container\n");
        assertEquals(Optional.of("1@container"), PreviousLife.takeOver(dataDir, "1@container"));
    }

    @Test
    void aLiveProcessOnThisHostKeepsItsLeases() throws IOException {
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            String alive = other.pid() + "@" + HOST;
            Files.writeString(dataDir.resolve(PreviousLife.FILE), alive + "\n");
            assertEquals(Optional.empty(), PreviousLife.takeOver(dataDir, "400@" + HOST));
        } finally {
            other.destroy();
        }
    }

    private static long deadPid() throws IOException {
        Process gone = new ProcessBuilder("true").start();
        try {
            gone.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return gone.pid();
    }
}
