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
 * The built WAR deploys unchanged to a full Payara Server 6 (not only into the Payara Micro uber-jar):
 * runs scripts/payara-server-check.sh, which unzips Payara Server, starts a throwaway domain and PostgreSQL
 * on free loopback ports of its own (port base 24800 and up, PostgreSQL 55477 and up; none of the other ITs'
 * ports), deploys target/ROOT.war byte for byte and checks it over HTTP. Independent of ItEnvironment.
 */
class PayaraServerIT {

    private static final long TIMEOUT_MINUTES = 8;

    @Test
    void warDeploysUnchangedToPayaraServer() throws IOException, InterruptedException {
        Path projectDir = Path.of(System.getProperty("it.projectDir", ".")).toAbsolutePath();
        Path script = projectDir.resolve("scripts/payara-server-check.sh");
        assertTrue(Files.isRegularFile(projectDir.resolve("target/ROOT.war")), "target/ROOT.war not built");
        Path output = Files.createTempFile("payara-server-check", ".log");
        try {
            Process process = new ProcessBuilder("bash", script.toString())
                    .directory(projectDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                // SIGTERM first: the script's trap stops the domain and PostgreSQL and deletes its temp dirs
                process.destroy();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println(log);
            assertTrue(finished, "payara-server-check.sh did not finish in " + TIMEOUT_MINUTES + " min:\n" + log);
            assertEquals(0, process.exitValue(), "payara-server-check.sh failed:\n" + log);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
