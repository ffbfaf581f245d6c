package com.ipmimonitor.security.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The provider's signing keys (its jwks_uri document): RSA keys by key id. Other key types are skipped. */
public final class JsonWebKeys {

    private final Map<String, PublicKey> byId;

    private JsonWebKeys(Map<String, PublicKey> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static JsonWebKeys parse(String jwks) {
        Map<String, PublicKey> keys = new HashMap<>();
        try (var reader = Json.createReader(new StringReader(jwks))) {
            for (var value : reader.readObject().getJsonArray("keys")) {
                JsonObject key = value.asJsonObject();
                if ("RSA".equals(key.getString("kty", "")) && "sig".equals(key.getString("use", "sig"))) {
                    keys.put(key.getString("kid", ""), rsa(key));
                }
            }
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new OidcException("the provider's key set is not a JWK set: " + e.getMessage(), e);
        }
        return new JsonWebKeys(keys);
    }

    /** The key with this id; a token without key id may use the only key there is. */
    public Optional<PublicKey> find(String keyId) {
        if (keyId == null || keyId.isEmpty()) {
            return byId.size() == 1 ? byId.values().stream().findFirst() : Optional.empty();
        }
        return Optional.ofNullable(byId.get(keyId));
    }

    private static PublicKey rsa(JsonObject key) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    unsigned(key.getString("n")), unsigned(key.getString("e"))));
        } catch (GeneralSecurityException e) {
            throw new OidcException("unusable RSA key " + key.getString("kid", "") + ": " + e.getMessage(), e);
        }
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }
}
