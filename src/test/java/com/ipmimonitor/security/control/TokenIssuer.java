package com.ipmimonitor.security.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/** Signs ID tokens as a provider would, with an RSA key made for the test (shared by unit tests and OidcIT). */
public final class TokenIssuer {

    private final String keyId;
    private final KeyPair keys;

    public TokenIssuer(String keyId) {
        this.keyId = keyId;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The JWK set with this issuer's public key, as a jwks_uri serves it. */
    public String jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", keyId)
                .add("n", base64url(unsigned(publicKey.getModulus())))
                .add("e", base64url(unsigned(publicKey.getPublicExponent()))))).build().toString();
    }

    /** Claims a provider puts in an ID token, valid for an hour from now. */
    public static JsonObjectBuilder claims(String issuer, String audience, String nonce, String subject, Instant now) {
        return Json.createObjectBuilder().add("iss", issuer).add("aud", audience).add("sub", subject)
                .add("nonce", nonce).add("iat", now.getEpochSecond()).add("exp", now.plusSeconds(3600).getEpochSecond());
    }

    public String sign(JsonObject claims) {
        return sign(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", keyId).build(), claims);
    }

    public String sign(JsonObject header, JsonObject claims) {
        String signingInput = base64url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
