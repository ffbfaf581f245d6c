package com.ipmimonitor.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String log = CheckScript.passes(projectDir, "scripts/container-start-check.sh", TIMEOUT_MINUTES);
        assertTrue(log.contains("no embedded PostgreSQL") && log.contains("container-start-check: OK"), log);
    }
}
