package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** ID token checks: only a token our provider signed for us, for this sign-in, in time, is accepted. */
class IdTokenVerifierTest {

    private static final String ISSUER = "https://idp.example.org/realms/ops";
    private static final String CLIENT = "ipmi-monitor";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final TokenIssuer provider = new TokenIssuer("key-1");
    private final JsonWebKeys keys = JsonWebKeys.parse(provider.jwks());
    private final IdTokenVerifier verifier = new IdTokenVerifier(ISSUER, CLIENT);

    private static JsonObject claims() {
        return TokenIssuer.claims(ISSUER, CLIENT, NONCE, "user-42", NOW).add("groups", Json.createArrayBuilder().add("ops")).build();
    }

    private static JsonObject with(JsonObject claims, String name, Object value) {
        var builder = Json.createObjectBuilder(claims);
        if (value == null) {
            builder.remove(name);
        } else if (value instanceof Long l) {
            builder.add(name, l);
        } else if (value instanceof jakarta.json.JsonValue v) {
            builder.add(name, v);
        } else {
            builder.add(name, value.toString());
        }
        return builder.build();
    }

    private String rejection(String token) {
        return assertThrows(OidcException.class, () -> verifier.verify(token, keys, NONCE, NOW)).getMessage();
    }

    @Test
    void aTokenOurProviderSignedForThisSignInIsAccepted() {
        JsonObject claims = verifier.verify(provider.sign(claims()), keys, NONCE, NOW);
        assertEquals("user-42", claims.getString("sub"));
        assertEquals("ops", claims.getJsonArray("groups").getString(0));
        assertEquals(java.util.Optional.of("key-1"), IdTokenVerifier.keyId(provider.sign(claims())));
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheSameIdIsRejected() {
        assertTrue(rejection(new TokenIssuer("key-1").sign(claims())).contains("signature"));
    }

    @Test
    void claimsChangedAfterSigningAreRejected() {
        String[] parts = provider.sign(claims()).split("\\.");
        String admin = TokenIssuer.base64url(with(claims(), "groups", Json.createArrayBuilder().add("ipmi-admins").build())
                .toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(rejection(parts[0] + "." + admin + "." + parts[2]).contains("signature"));
    }

    @Test
    void unsignedAndHmacTokensAreRejected() {
        String claims = TokenIssuer.base64url(claims().toString().getBytes(StandardCharsets.UTF_8));
        String none = TokenIssuer.base64url("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(rejection(none + "." + claims + ".").contains("none"));
        // the classic confusion attack: HMAC with the provider's public key as the secret
        String hs256 = TokenIssuer.base64url("{\"alg\":\"HS256\",\"kid\":\"key-1\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(rejection(hs256 + "." + claims + "." + hmac(hs256 + "." + claims, provider.jwks())).contains("HS256"));
    }

    @Test
    void aTokenNamingAnUnknownKeyIsRejected() {
        var header = Json.createObjectBuilder().add("alg", "RS256").add("kid", "key-2").build();
        assertTrue(rejection(provider.sign(header, claims())).contains("unknown key"));
    }

    @Test
    void anotherIssuerIsRejected() {
        assertTrue(rejection(provider.sign(with(claims(), "iss", "https://idp.example.org/realms/other"))).contains("issuer"));
        assertTrue(rejection(provider.sign(with(claims(), "iss", null))).contains("issuer"));
    }

    @Test
    void aTokenForAnotherClientIsRejected() {
        assertTrue(rejection(provider.sign(with(claims(), "aud", "grafana"))).contains("another client"));
        var both = Json.createArrayBuilder().add("grafana").add(CLIENT).build();
        assertEquals("user-42", verifier.verify(provider.sign(with(claims(), "aud", both)), keys, NONCE, NOW).getString("sub"));
        // listed, but issued to another party
        assertTrue(rejection(provider.sign(with(with(claims(), "aud", both), "azp", "grafana"))).contains("another client"));
    }

    @Test
    void expiredTokensAreRejectedAfterTheClockSkew() {
        long expired = NOW.minusSeconds(30).getEpochSecond();
        assertEquals("user-42", verifier.verify(provider.sign(with(claims(), "exp", expired)), keys, NONCE, NOW).getString("sub"));
        long longExpired = NOW.minus(IdTokenVerifier.CLOCK_SKEW).minusSeconds(1).getEpochSecond();
        assertTrue(rejection(provider.sign(with(claims(), "exp", longExpired))).contains("expired"));
        assertTrue(rejection(provider.sign(with(claims(), "exp", null))).contains("expiry"));
        assertTrue(rejection(provider.sign(with(claims(), "iat", NOW.plusSeconds(600).getEpochSecond()))).contains("future"));
    }

    @Test
    void aTokenOfAnotherSignInIsRejected() {
        assertTrue(rejection(provider.sign(with(claims(), "nonce", "someone-elses"))).contains("nonce"));
        assertTrue(rejection(provider.sign(with(claims(), "nonce", null))).contains("nonce"));
    }

    @Test
    void aTokenWithoutSubjectIsRejected() {
        assertTrue(rejection(provider.sign(with(claims(), "sub", null))).contains("subject"));
    }

    @Test
    void malformedTokensAreRejected() {
        assertTrue(rejection("not-a-jwt").contains("JWT"));
        assertTrue(rejection("a.b").contains("JWT"));
        assertTrue(rejection("%%%.e30.").contains("header"));
    }

    @Test
    void keySetsSkipOtherKeyTypesAndLetAKeyIdLessTokenUseTheOnlyKey() {
        String jwks = provider.jwks().replace("{\"keys\":[", "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"ec\",\"crv\":\"P-256\"},");
        JsonWebKeys mixed = JsonWebKeys.parse(jwks);
        assertTrue(mixed.find("key-1").isPresent());
        assertTrue(mixed.find("ec").isEmpty());
        assertTrue(mixed.find(null).isPresent(), "one RSA key: a token without kid may use it");
        assertThrows(OidcException.class, () -> JsonWebKeys.parse("{\"nokeys\":1}"));
    }

    private static String hmac(String input, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
