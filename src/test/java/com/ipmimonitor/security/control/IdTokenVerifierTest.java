package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
    private final JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(ProviderKeys.parse(provider.jwks()));
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
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheSameIdIsRejected() {
        assertTrue(rejection(new TokenIssuer("key-1").sign(claims())).endsWith("(alg RS256, key key-1) is refused: Signed JWT rejected: Invalid signature"));
    }

    @Test
    void claimsChangedAfterSigningAreRejected() {
        String[] parts = provider.sign(claims()).split("\\.");
        String admin = TokenIssuer.base64url(with(claims(), "groups", Json.createArrayBuilder().add("ipmi-admins").build())
                .toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(rejection(parts[0] + "." + admin + "." + parts[2]).endsWith("Invalid signature"));
    }

    @Test
    void unsignedAndHmacTokensAreRejected() {
        String claims = TokenIssuer.base64url(claims().toString().getBytes(StandardCharsets.UTF_8));
        String none = TokenIssuer.base64url("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(rejection(none + "." + claims + ".").contains("(alg none) is refused: Unsecured (plain) JWTs are rejected"));
        // the classic confusion attack: HMAC with the provider's public key as the secret
        String hs256 = TokenIssuer.base64url("{\"alg\":\"HS256\",\"kid\":\"key-1\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(rejection(hs256 + "." + claims + "." + hmac(hs256 + "." + claims, provider.jwks()))
                .contains("(alg HS256, key key-1) is refused: Signed JWT rejected: Another algorithm expected"));
    }

    @Test
    void aTokenNamingAnUnknownKeyIsRejected() {
        var header = Json.createObjectBuilder().add("alg", "RS256").add("kid", "key-2").build();
        assertTrue(rejection(provider.sign(header, claims())).contains("(alg RS256, key key-2) is refused: Signed JWT rejected: Another algorithm expected, or no matching key(s) found"));
    }

    @Test
    void anotherIssuerIsRejected() {
        assertTrue(rejection(provider.sign(with(claims(), "iss", "https://idp.example.org/realms/other")))
                .contains("JWT iss claim has value https://idp.example.org/realms/other, must be " + ISSUER));
        assertTrue(rejection(provider.sign(with(claims(), "iss", null))).contains("JWT missing required claims: [iss]"));
    }

    @Test
    void aTokenForAnotherClientIsRejected() {
        assertTrue(rejection(provider.sign(with(claims(), "aud", "grafana"))).contains("JWT audience rejected: [grafana]"));
        assertTrue(rejection(provider.sign(with(claims(), "aud", null))).contains("aud"));
        var both = Json.createArrayBuilder().add("grafana").add(CLIENT).build();
        assertEquals("user-42", verifier.verify(provider.sign(with(claims(), "aud", both)), keys, NONCE, NOW).getString("sub"));
        // listed, but issued to another party
        assertTrue(rejection(provider.sign(with(with(claims(), "aud", both), "azp", "grafana")))
                .contains("JWT azp claim has value grafana, must be " + CLIENT));
    }

    @Test
    void expiredTokensAreRejectedAfterTheClockSkew() {
        long expired = NOW.minusSeconds(30).getEpochSecond();
        assertEquals("user-42", verifier.verify(provider.sign(with(claims(), "exp", expired)), keys, NONCE, NOW).getString("sub"));
        long longExpired = NOW.minus(IdTokenVerifier.CLOCK_SKEW).minusSeconds(1).getEpochSecond();
        assertTrue(rejection(provider.sign(with(claims(), "exp", longExpired))).endsWith("Expired JWT"));
        assertTrue(rejection(provider.sign(with(claims(), "exp", null))).contains("JWT missing required claims: [exp]"));
        assertTrue(rejection(provider.sign(with(claims(), "iat", NOW.plusSeconds(600).getEpochSecond()))).contains("issued in the future"));
        long notYet = NOW.plus(IdTokenVerifier.CLOCK_SKEW).plusSeconds(1).getEpochSecond();
        assertTrue(rejection(provider.sign(with(claims(), "nbf", notYet))).endsWith("JWT before use time"));
    }

    @Test
    void aTokenOfAnotherSignInIsRejected() {
        assertTrue(rejection(provider.sign(with(claims(), "nonce", "someone-elses"))).contains("JWT nonce claim has value someone-elses, must be " + NONCE));
        assertTrue(rejection(provider.sign(with(claims(), "nonce", null))).contains("JWT missing required claims: [nonce]"));
    }

    @Test
    void aTokenWithoutSubjectIsRejected() {
        assertTrue(rejection(provider.sign(with(claims(), "sub", null))).contains("JWT missing required claims: [sub]"));
        assertTrue(rejection(provider.sign(with(claims(), "sub", " "))).contains("JWT sub claim is empty"));
    }

    @Test
    void malformedTokensAreRejected() {
        assertTrue(rejection("not-a-jwt").startsWith("the ID token is not a JWT"));
        assertTrue(rejection("a.b").startsWith("the ID token is not a JWT"));
        assertTrue(rejection("%%%.e30.").contains("header"));
    }

    @Test
    void keySetsSkipOtherKeyTypesAndLetAKeyIdLessTokenUseTheOnlyKey() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toPublicJWK();
        List<JWK> both = new ArrayList<>(ProviderKeys.parse(provider.jwks()).getKeys());
        both.add(0, ec);
        JWKSource<SecurityContext> mixed = new ImmutableJWKSet<>(new JWKSet(both));
        var noKeyId = Json.createObjectBuilder().add("alg", "RS256").build();
        assertEquals("user-42", verifier.verify(provider.sign(noKeyId, claims()), mixed, NONCE, NOW).getString("sub"),
                "one RSA key: a token without kid may use it");
        var namesTheEcKey = Json.createObjectBuilder().add("alg", "RS256").add("kid", "ec").build();
        assertThrows(OidcException.class, () -> verifier.verify(provider.sign(namesTheEcKey, claims()), mixed, NONCE, NOW));
        assertThrows(OidcException.class, () -> ProviderKeys.parse("{\"nokeys\":1}"));
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
