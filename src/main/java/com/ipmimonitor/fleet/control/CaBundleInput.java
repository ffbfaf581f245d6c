package com.ipmimonitor.fleet.control;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a per-server CA bundle as an operator pastes it: PEM, one or more X.509 certificates and nothing else.
 * What it refuses would otherwise fail every poll of that BMC with TLS_FAILED, far from where it was typed.
 */
public final class CaBundleInput {

    /** Some hundred certificates; a real PKI's chain is a few. */
    public static final int MAX_LENGTH = 200_000;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private CaBundleInput() {
    }

    /** Empty when the bundle is fine, or absent (null or blank: the certificate is then trusted on first use). */
    public static List<String> problems(String pem) {
        if (pem == null || pem.isBlank()) {
            return List.of();
        }
        if (pem.length() > MAX_LENGTH) {
            return List.of("ca_bundle is longer than " + MAX_LENGTH + " characters");
        }
        List<String> problems = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        int end = 0;
        int count = 0;
        while (m.find()) {
            count++;
            if (!pem.substring(end, m.start()).isBlank()) {
                problems.add("ca_bundle holds text that is not a PEM certificate before certificate " + count);
            }
            certificateProblem(m.group(), count).ifPresent(problems::add);
            end = m.end();
        }
        if (count == 0) {
            return List.of("ca_bundle must hold PEM certificates (-----BEGIN CERTIFICATE----- ...), found none");
        }
        if (!pem.substring(end).isBlank()) {
            problems.add("ca_bundle holds text that is not a PEM certificate after certificate " + count);
        }
        return problems;
    }

    private static java.util.Optional<String> certificateProblem(String block, int n) {
        try {
            CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
            return java.util.Optional.empty();
        } catch (CertificateException | RuntimeException e) {
            // the parser's message may quote bytes of the input; the number is enough to find it
            return java.util.Optional.of("ca_bundle: certificate " + n + " is not a valid X.509 certificate");
        }
    }
}
