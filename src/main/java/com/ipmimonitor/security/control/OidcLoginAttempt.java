package com.ipmimonitor.security.control;

import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One sign-in on its way through the provider, kept in the browser's session until the provider sends it back:
 * state (ties the answer to this browser: no login CSRF), nonce (ties the ID token to this sign-in) and the PKCE
 * verifier (RFC 7636: a stolen authorization code is useless without it), plus where to go afterwards.
 */
public record OidcLoginAttempt(String state, String nonce, String codeVerifier, URI redirectUri, String next,
                               Instant started) implements Serializable {

    /** Long enough to type a password and answer a second factor, short enough that stale attempts die. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    public static OidcLoginAttempt start(URI redirectUri, String next, Instant now) {
        return new OidcLoginAttempt(random(), random(), random(), redirectUri, next, now);
    }

    public boolean expired(Instant now) {
        return now.isAfter(started.plus(LIFETIME));
    }

    /** The provider's authorization endpoint with this attempt's parameters (authorization code flow + PKCE S256). */
    public URI authorizationUri(ProviderMetadata provider, OidcSettings settings) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", settings.scope());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", codeChallenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        String base = provider.authorizationEndpoint().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + form(query));
    }

    /** BASE64URL(SHA-256(verifier)), RFC 7636 section 4.2. */
    static String codeChallenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** 256 random bits, base64url: also a valid PKCE verifier (43 characters of the allowed set). */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Never the secrets in a log line. */
    @Override
    public String toString() {
        return "sign-in started " + started + " for " + next;
    }
}
