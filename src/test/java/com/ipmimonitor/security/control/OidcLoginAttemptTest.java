package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The request the browser takes to the provider: authorization code flow with state, nonce and PKCE S256. */
class OidcLoginAttemptTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final URI CALLBACK = URI.create("https://ipmi.example.org/login/oidc/callback");

    @Test
    void pkceChallengeIsTheRfc7636Example() {
        // RFC 7636 appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OidcLoginAttempt.codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void theAuthorizationRequestCarriesEveryParameterEncoded() {
        OidcSettings settings = new OidcSettings(URI.create("https://idp.example.org"), "ipmi monitor", "secret",
                Set.of("admins"), "groups", "preferred_username", "openid profile", Optional.empty());
        ProviderMetadata provider = new ProviderMetadata("https://idp.example.org", URI.create("https://idp.example.org/auth?tenant=x"),
                URI.create("https://idp.example.org/token"), URI.create("https://idp.example.org/jwks"));
        OidcLoginAttempt attempt = OidcLoginAttempt.start(CALLBACK, "/settings.xhtml", NOW);
        URI uri = attempt.authorizationUri(provider, settings);
        assertTrue(uri.toString().startsWith("https://idp.example.org/auth?tenant=x&"), uri.toString());
        Map<String, String> query = Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertEquals("code", query.get("response_type"));
        assertEquals("ipmi monitor", query.get("client_id"));
        assertEquals(CALLBACK.toString(), query.get("redirect_uri"));
        assertEquals("openid profile", query.get("scope"));
        assertEquals(attempt.state(), query.get("state"));
        assertEquals(attempt.nonce(), query.get("nonce"));
        assertEquals(OidcLoginAttempt.codeChallenge(attempt.codeVerifier()), query.get("code_challenge"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertFalse(uri.toString().contains(attempt.codeVerifier()), "the verifier stays here");
    }

    @Test
    void everyAttemptHasItsOwnSecrets() {
        OidcLoginAttempt a = OidcLoginAttempt.start(CALLBACK, "/", NOW);
        OidcLoginAttempt b = OidcLoginAttempt.start(CALLBACK, "/", NOW);
        assertNotEquals(a.state(), b.state());
        assertNotEquals(a.nonce(), b.nonce());
        assertNotEquals(a.codeVerifier(), b.codeVerifier());
        assertTrue(a.codeVerifier().matches("[A-Za-z0-9_-]{43}"), "RFC 7636 verifier: 43-128 unreserved characters");
        assertNotEquals(a.state(), a.nonce());
    }

    @Test
    void attemptsExpireAfterTenMinutes() {
        OidcLoginAttempt attempt = OidcLoginAttempt.start(CALLBACK, "/", NOW);
        assertFalse(attempt.expired(NOW.plusSeconds(599)));
        assertTrue(attempt.expired(NOW.plusSeconds(601)));
    }

    @Test
    void theLogTextHoldsNoSecret() {
        OidcLoginAttempt attempt = OidcLoginAttempt.start(CALLBACK, "/x", NOW);
        String text = attempt.toString();
        assertFalse(text.contains(attempt.state()) || text.contains(attempt.nonce()) || text.contains(attempt.codeVerifier()), text);
    }
}
