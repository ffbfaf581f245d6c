package com.ipmimonitor.redfish.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which BMC certificates to accept. BMCs serve self-signed certificates whose names rarely match the address they
 * are reached by, so verification is not switched off but replaced:
 * <ul>
 * <li>trust on first use: exactly one SHA-256 fingerprint is accepted; when none is stored yet, the one presented
 * at the first handshake is accepted, recorded ({@link #presented()}) for the caller to store after the first
 * successful poll, and from then on pinned in this instance ({@link #pinned()}), so that a client kept across
 * polls never accepts a second certificate before the first is stored; a different one fails the handshake with a
 * {@link CertificateChangedException}. The fingerprint identifies the BMC, so no host name is checked.</li>
 * <li>a CA bundle (PEM) for fleets with a real PKI: the chain must lead to one of its certificates and the
 * certificate must name the address (an IP SAN when the BMC is addressed by IP), the usual HTTPS rules.</li>
 * </ul>
 */
public final class BmcTrust extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager ca;
    private volatile String pinned;
    private volatile String presented;

    private BmcTrust(Optional<String> pinned, X509ExtendedTrustManager ca) {
        this.pinned = pinned.map(BmcTrust::normalised).orElse(null);
        this.ca = ca;
    }

    public static BmcTrust onFirstUse(Optional<String> storedSha256) {
        return new BmcTrust(storedSha256, null);
    }

    public static BmcTrust caBundle(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                store.setCertificateEntry("ca" + i++, cert);
            }
            if (i == 0) {
                throw new IllegalArgumentException("the CA bundle holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x509) {
                    return new BmcTrust(Optional.empty(), x509);
                }
            }
            throw new IllegalStateException("no X.509 trust manager in this JDK");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("unreadable CA bundle: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint of the last certificate a BMC presented (lower-case hex), accepted or not. */
    public Optional<String> presented() {
        return Optional.ofNullable(presented);
    }

    /**
     * The one fingerprint this trust accepts (lower-case hex): the stored one, else the first one presented; empty
     * before the first handshake and for a CA bundle.
     */
    public Optional<String> pinned() {
        return Optional.ofNullable(pinned);
    }

    public boolean isCaBundle() {
        return ca != null;
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (ca != null) {
            record(chain);
            ca.checkServerTrusted(chain, authType, engine);
        } else {
            checkPinned(chain);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (ca != null) {
            record(chain);
            ca.checkServerTrusted(chain, authType, socket);
        } else {
            checkPinned(chain);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (ca != null) {
            record(chain);
            ca.checkServerTrusted(chain, authType);
        } else {
            checkPinned(chain);
        }
    }

    private synchronized void checkPinned(X509Certificate[] chain) throws CertificateException {
        String seen = record(chain);
        if (pinned == null) {
            pinned = seen; // first use: from now on this one only
        } else if (!pinned.equals(seen)) {
            throw new CertificateChangedException(seen);
        }
    }

    private String record(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the BMC presented no certificate");
        }
        presented = fingerprint(chain[0]);
        return presented;
    }

    /** Accepts "AB:CD:…" as browsers and openssl print it. */
    private static String normalised(String fingerprint) {
        return fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a BMC client does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a BMC client does not authenticate clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a BMC client does not authenticate clients");
    }
}
