package com.ipmimonitor.security.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks an ID token as OpenID Connect Core 3.1.3.7 asks: an RS256 signature by one of the provider's keys
 * (no "none", no HMAC: an attacker could sign with the public key as HMAC secret), our provider as issuer, us
 * as audience, not expired, and the nonce of this sign-in (so a token captured elsewhere cannot be replayed).
 */
public final class IdTokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;

    public IdTokenVerifier(String issuer, String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    /** The key id the token names in its header, to look the key up (and refresh the key set when unknown). */
    public static Optional<String> keyId(String idToken) {
        String[] parts = idToken.split("\\.", -1);
        return parts.length == 3 ? Optional.ofNullable(json(parts[0], "header").getString("kid", null)) : Optional.empty();
    }

    /** The token's claims when it is valid for this sign-in; otherwise OidcException saying why. */
    public JsonObject verify(String idToken, JsonWebKeys keys, String expectedNonce, Instant now) {
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            throw new OidcException("the ID token is not a signed JWT");
        }
        JsonObject header = json(parts[0], "header");
        String algorithm = header.getString("alg", "");
        if (!algorithm.equals("RS256")) {
            throw new OidcException("ID token signed with " + algorithm + "; only RS256 is accepted");
        }
        PublicKey key = keys.find(header.getString("kid", null))
                .orElseThrow(() -> new OidcException("ID token signed with an unknown key " + header.getString("kid", "")));
        if (!signedBy(key, parts)) {
            throw new OidcException("the ID token's signature is wrong");
        }
        JsonObject claims = json(parts[1], "claims");
        checkClaims(claims, expectedNonce, now);
        return claims;
    }

    private void checkClaims(JsonObject claims, String expectedNonce, Instant now) {
        require(issuer.equals(claims.getString("iss", null)), "issuer " + claims.getString("iss", "(none)") + " is not " + issuer);
        require(audienceIsUs(claims), "the ID token is meant for another client");
        Instant expires = instant(claims, "exp").orElseThrow(() -> new OidcException("the ID token has no expiry"));
        require(now.isBefore(expires.plus(CLOCK_SKEW)), "the ID token expired at " + expires);
        instant(claims, "iat").ifPresent(issued ->
                require(!issued.isAfter(now.plus(CLOCK_SKEW)), "the ID token is issued in the future (" + issued + ")"));
        String nonce = claims.getString("nonce", "");
        require(MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8)),
                "the ID token's nonce is not this sign-in's");
        require(!claims.getString("sub", "").isEmpty(), "the ID token has no subject");
    }

    private boolean audienceIsUs(JsonObject claims) {
        JsonValue audience = claims.get("aud");
        boolean listed = audience instanceof JsonString single ? single.getString().equals(clientId)
                : audience != null && audience.getValueType() == JsonValue.ValueType.ARRAY
                && audience.asJsonArray().stream().anyMatch(a -> a instanceof JsonString s && s.getString().equals(clientId));
        // with several audiences, the party the token was issued to (azp) must be us
        return listed && claims.getString("azp", clientId).equals(clientId);
    }

    private static boolean signedBy(PublicKey key, String[] parts) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Instant> instant(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonNumber seconds ? Optional.of(Instant.ofEpochSecond(seconds.longValue())) : Optional.empty();
    }

    private static JsonObject json(String base64url, String part) {
        try (var reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalArgumentException e) {
            throw new OidcException("the ID token's " + part + " is not base64url JSON");
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new OidcException(problem);
        }
    }
}
