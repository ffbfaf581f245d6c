package com.ipmimonitor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The container's start sequence outside Docker: runs scripts/container-start-check.sh, which starts the built
 * uber-jar with the Dockerfile's ENTRYPOINT and ENV on a throwaway PostgreSQL given through DB_URL (ports
 * 18188 and 55438 on loopback, none of the other ITs' ports) and checks health, metrics, the API and that the
 * embedded database stayed off. Independent of ItEnvironment.
 */
class ContainerStartCheckIT {

    private static final long TIMEOUT_MINUTES = 6;

    @Test
    void theImagesStartSequenceRunsOnAnExternalDatabase() throws IOException, InterruptedException {
        Path projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
        assertTrue(Files.isRegularFile(projectDir.resolve("target/ipmi-monitor.jar")), "target/ipmi-monitor.jar not built");
        Path output = Files.createTempFile("container-start-check", ".log");
        try {
            Process process = new ProcessBuilder("bash", projectDir.resolve("scripts/container-start-check.sh").toString())
                    .directory(projectDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                // SIGTERM first: the script's trap stops the app and PostgreSQL and deletes its work dir
                process.destroy();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(log);
            assertTrue(finished, "container-start-check.sh did not finish in " + TIMEOUT_MINUTES + " min:\n" + log);
            assertEquals(0, process.exitValue(), "container-start-check.sh failed:\n" + log);
            assertTrue(log.contains("no embedded PostgreSQL") && log.contains("container-start-check: OK"), log);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
