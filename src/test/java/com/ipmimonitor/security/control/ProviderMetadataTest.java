package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The discovery document must describe the provider we were configured with. */
class ProviderMetadataTest {

    private static final URI ISSUER = URI.create("https://idp.example.org/realms/ops");

    private static String document(String issuer, String tokenEndpoint) {
        return """
                {"issuer":"%s","authorization_endpoint":"https://idp.example.org/realms/ops/auth",
                 "token_endpoint":"%s","jwks_uri":"https://idp.example.org/realms/ops/certs"}
                """.formatted(issuer, tokenEndpoint);
    }

    @Test
    void endpointsAreRead() {
        ProviderMetadata metadata = ProviderMetadata.parse(document(ISSUER + "/", "https://idp.example.org/realms/ops/token"), ISSUER);
        assertEquals(ISSUER + "/", metadata.issuer(), "kept as the provider writes it: tokens carry that exact value");
        assertEquals(URI.create("https://idp.example.org/realms/ops/token"), metadata.tokenEndpoint());
        assertEquals(URI.create("https://idp.example.org/realms/ops/certs"), metadata.jwksUri());
        assertEquals(URI.create("https://idp.example.org/realms/ops/auth"), metadata.authorizationEndpoint());
    }

    @Test
    void aDocumentOfAnotherIssuerIsRejected() {
        assertTrue(assertThrows(OidcException.class, () -> ProviderMetadata.parse(
                document("https://evil.example.org/realms/ops", "https://idp.example.org/t"), ISSUER)).getMessage().contains("issuer"));
    }

    @Test
    void plainHttpEndpointsOffThisMachineAreRejected() {
        assertThrows(OidcException.class, () -> ProviderMetadata.parse(document(ISSUER.toString(), "http://idp.example.org/t"), ISSUER));
        assertThrows(OidcException.class, () -> ProviderMetadata.parse(document(ISSUER.toString(), ""), ISSUER));
        assertThrows(OidcException.class, () -> ProviderMetadata.parse("<html>", ISSUER));
    }
}
