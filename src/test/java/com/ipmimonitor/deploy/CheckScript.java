package com.ipmimonitor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs one of the project's check scripts (scripts/*-check.sh) as a test: it must finish in time and exit 0. */
final class CheckScript {

    private CheckScript() {
    }

    /** Returns the script's output (also printed), after asserting it finished within the limit with exit 0. */
    static String passes(Path projectDir, String script, long timeoutMinutes) throws IOException, InterruptedException {
        Path output = Files.createTempFile(script.replace('/', '-'), ".log");
        try {
            Process process = new ProcessBuilder("bash", projectDir.resolve(script).toString())
                    .directory(projectDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean finished = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
            if (!finished) {
                // SIGTERM first: the scripts' traps stop what they started and delete their temporary dirs
                process.destroy();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(log);
            assertTrue(finished, script + " did not finish in " + timeoutMinutes + " min:\n" + log);
            assertEquals(0, process.exitValue(), script + " failed:\n" + log);
            return log;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
