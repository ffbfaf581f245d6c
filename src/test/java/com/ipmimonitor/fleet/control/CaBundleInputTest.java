package com.ipmimonitor.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaBundleInputTest {

    private static String pem(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/redfish/tls", name));
    }

    @Test
    void noBundleIsFineItMeansTrustOnFirstUse() {
        assertEquals(List.of(), CaBundleInput.problems(null));
        assertEquals(List.of(), CaBundleInput.problems("  \n"));
    }

    @Test
    void oneOrSeveralPemCertificatesPass() throws Exception {
        assertEquals(List.of(), CaBundleInput.problems(pem("bmc-a.crt")));
        assertEquals(List.of(), CaBundleInput.problems("\n" + pem("bmc-a.crt") + "\r\n" + pem("bmc-b.crt") + "\n\n"));
    }

    @Test
    void textThatHoldsNoCertificateIsRefused() {
        assertEquals(List.of("ca_bundle must hold PEM certificates (-----BEGIN CERTIFICATE----- ...), found none"),
                CaBundleInput.problems("my CA"));
        assertFalse(CaBundleInput.problems("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n").isEmpty());
    }

    @Test
    void aDamagedCertificateIsNamedByItsPlace() throws Exception {
        String a = pem("bmc-a.crt");
        String damaged = a.replace("MIIDFDCCAfygAwIBAgIU", "MIIDFDCCAfygAwIBAgIX").replaceFirst("BQAw", "AAAA");
        assertEquals(List.of("ca_bundle: certificate 2 is not a valid X.509 certificate"),
                CaBundleInput.problems(a + damaged));
        String base64Cut = "-----BEGIN CERTIFICATE-----\nMIIDFDCC\n-----END CERTIFICATE-----\n";
        assertEquals(List.of("ca_bundle: certificate 1 is not a valid X.509 certificate"), CaBundleInput.problems(base64Cut));
    }

    @Test
    void strayTextAroundTheCertificatesIsRefused() throws Exception {
        String a = pem("bmc-a.crt");
        assertEquals(List.of("ca_bundle holds text that is not a PEM certificate before certificate 1"),
                CaBundleInput.problems("subject=CN=bmc-a\n" + a));
        assertEquals(List.of("ca_bundle holds text that is not a PEM certificate after certificate 1"),
                CaBundleInput.problems(a + "-----BEGIN CERTIFICATE-----\nMIID"));
    }

    @Test
    void anEnormousBundleIsRefusedWithoutParsing() {
        List<String> problems = CaBundleInput.problems("x".repeat(CaBundleInput.MAX_LENGTH + 1));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("longer than"), problems.get(0));
    }
}
