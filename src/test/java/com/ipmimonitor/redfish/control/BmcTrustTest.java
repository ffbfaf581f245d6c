package com.ipmimonitor.redfish.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BmcTrustTest {

    // openssl x509 -in src/test/resources/redfish/tls/bmc-a.crt -noout -fingerprint -sha256
    private static final String A_AS_OPENSSL_PRINTS_IT =
            "CF:77:F3:4D:5E:D0:86:28:84:C6:31:2D:A3:B1:9A:85:C2:B9:2B:D0:0E:A7:8A:24:A0:60:83:7C:57:71:10:1E";

    private static String pem(String name) {
        try (InputStream in = BmcTrustTest.class.getResourceAsStream("/redfish/tls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate[] chain(String name) throws CertificateException {
        return new X509Certificate[] {(X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem(name).getBytes(StandardCharsets.US_ASCII)))};
    }

    @Test
    void withNothingStoredTheFirstCertificateIsAcceptedAndRecorded() throws Exception {
        BmcTrust trust = BmcTrust.onFirstUse(Optional.empty());
        assertTrue(trust.presented().isEmpty());
        trust.checkServerTrusted(chain("bmc-a.crt"), "RSA");
        assertEquals(A_AS_OPENSSL_PRINTS_IT.replace(":", "").toLowerCase(), trust.presented().orElseThrow());
        assertEquals(32, HexFormat.of().parseHex(trust.presented().get()).length);
    }

    @Test
    void withNothingStoredTheFirstCertificateIsTheOnlyOneThisTrustAcceptsFromThenOn() throws Exception {
        BmcTrust trust = BmcTrust.onFirstUse(Optional.empty());
        trust.checkServerTrusted(chain("bmc-a.crt"), "RSA");
        assertEquals(trust.presented(), trust.pinned());
        assertThrows(CertificateChangedException.class, () -> trust.checkServerTrusted(chain("bmc-b.crt"), "RSA"),
                "a client kept across polls must not take a second certificate before the first is stored");
        assertDoesNotThrow(() -> trust.checkServerTrusted(chain("bmc-a.crt"), "RSA"));
    }

    @Test
    void theStoredFingerprintIsAcceptedAndAnyOtherRefusedAsChanged() throws Exception {
        BmcTrust trust = BmcTrust.onFirstUse(Optional.of(A_AS_OPENSSL_PRINTS_IT));
        assertDoesNotThrow(() -> trust.checkServerTrusted(chain("bmc-a.crt"), "RSA"));
        CertificateChangedException changed = assertThrows(CertificateChangedException.class,
                () -> trust.checkServerTrusted(chain("bmc-b.crt"), "RSA"));
        assertEquals(BmcTrust.fingerprint(chain("bmc-b.crt")[0]), changed.presented());
        assertEquals(changed.presented(), trust.presented().orElseThrow(), "the new one is there to be accepted");
        assertFalse(changed.presented().equals(A_AS_OPENSSL_PRINTS_IT.replace(":", "").toLowerCase()));
    }

    @Test
    void aCaBundleAcceptsWhatItSignsAndRefusesTheRestWithoutCallingItAChange() throws Exception {
        BmcTrust trust = BmcTrust.caBundle(pem("bmc-a.crt"));
        assertDoesNotThrow(() -> trust.checkServerTrusted(chain("bmc-a.crt"), "RSA"));
        CertificateException refused = assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(chain("bmc-b.crt"), "RSA"));
        assertFalse(refused instanceof CertificateChangedException);
        assertThrows(IllegalArgumentException.class, () -> BmcTrust.caBundle("no certificate here"));
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        String shown = new RedfishCredentials("root", "calvin-s3cret").toString();
        assertFalse(shown.contains("calvin-s3cret"), shown);
        assertTrue(shown.contains("root"));
    }
}
