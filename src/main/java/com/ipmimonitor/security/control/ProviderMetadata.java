package com.ipmimonitor.security.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;

/** The parts of the provider's discovery document (/.well-known/openid-configuration) a sign-in needs. */
public record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri) {

    /**
     * Parses the document and checks that it describes the configured provider: the issuer must be the URI the
     * document was fetched for (OpenID Connect Discovery 4.3), or a look-alike could hand out tokens.
     */
    public static ProviderMetadata parse(String json, URI expectedIssuer) {
        JsonObject document;
        try (var reader = Json.createReader(new StringReader(json))) {
            document = reader.readObject();
        } catch (JsonException e) {
            throw new OidcException("the provider's discovery document is not JSON: " + e.getMessage(), e);
        }
        String issuer = document.getString("issuer", "");
        if (!issuer.replaceAll("/+$", "").equals(expectedIssuer.toString())) {
            throw new OidcException("the discovery document names issuer " + issuer + ", not " + expectedIssuer);
        }
        return new ProviderMetadata(issuer, endpoint(document, "authorization_endpoint"),
                endpoint(document, "token_endpoint"), endpoint(document, "jwks_uri"));
    }

    private static URI endpoint(JsonObject document, String name) {
        String value = document.getString(name, "");
        if (value.isEmpty()) {
            throw new OidcException("the discovery document has no " + name);
        }
        try {
            return OidcSettings.endpoint("oidc.provider.uri", value);
        } catch (OidcConfigurationException e) {
            throw new OidcException("the discovery document's " + name + " is not usable: " + value);
        }
    }
}
