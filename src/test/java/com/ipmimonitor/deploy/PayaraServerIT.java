package com.ipmimonitor.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertTrue(Files.isRegularFile(projectDir.resolve("target/ROOT.war")), "target/ROOT.war not built");
        CheckScript.passes(projectDir, "scripts/payara-server-check.sh", TIMEOUT_MINUTES);
    }
}
