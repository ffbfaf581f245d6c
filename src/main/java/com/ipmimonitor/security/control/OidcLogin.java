package com.ipmimonitor.security.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sign-in through an OpenID Connect provider with the authorization code flow: begin() makes the attempt the
 * browser is sent off with, complete() redeems the code the provider sent back (with the client secret and the
 * PKCE verifier), checks the ID token and maps its groups claim to the admin role. The discovery document is
 * fetched once, the key set when a token needs it (ProviderKeys).
 */
public class OidcLogin {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final OidcSettings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ProviderKeys keys;
    private ProviderMetadata provider;

    public OidcLogin(OidcSettings settings) {
        this(settings, Clock.systemUTC());
    }

    OidcLogin(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.keys = new ProviderKeys(() -> send(get(provider().jwksUri()), "key set"), clock);
    }

    public OidcLoginAttempt begin(URI redirectUri, String next) {
        return OidcLoginAttempt.start(redirectUri, next, clock.instant());
    }

    /** Where to send the browser for this attempt. */
    public URI authorizationUri(OidcLoginAttempt attempt) {
        return attempt.authorizationUri(provider(), settings);
    }

    /** The caller, when the provider's answer (state, code) completes this attempt; otherwise OidcException. */
    public OidcCaller complete(OidcLoginAttempt attempt, String state, String code) {
        if (attempt.expired(clock.instant())) {
            throw new OidcException("the sign-in took longer than " + OidcLoginAttempt.LIFETIME.toMinutes() + " minutes");
        }
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), attempt.state().getBytes(StandardCharsets.UTF_8))) {
            throw new OidcException("the provider's answer does not belong to this browser's sign-in (state)");
        }
        if (code == null || code.isEmpty()) {
            throw new OidcException("the provider sent no authorization code");
        }
        String idToken = redeem(code, attempt);
        ProviderMetadata metadata = provider();
        JsonObject claims = new IdTokenVerifier(metadata.issuer(), settings.clientId())
                .verify(idToken, keys, attempt.nonce(), clock.instant());
        return caller(claims, settings);
    }

    /** Name from OIDC_CALLER_CLAIM (else sub); admin when the groups claim holds one of OIDC_ADMIN_GROUPS. */
    static OidcCaller caller(JsonObject claims, OidcSettings settings) {
        String name = claims.get(settings.callerClaim()) instanceof JsonString s && !s.getString().isBlank()
                ? s.getString() : claims.getString("sub");
        JsonValue groups = claims.get(settings.groupsClaim());
        Stream<String> names = groups instanceof JsonString single ? Stream.of(single.getString())
                : groups != null && groups.getValueType() == JsonValue.ValueType.ARRAY
                ? groups.asJsonArray().stream().filter(JsonString.class::isInstance).map(g -> ((JsonString) g).getString())
                : Stream.empty();
        return new OidcCaller(name, names.anyMatch(settings.adminGroups()::contains));
    }

    private String redeem(String code, OidcLoginAttempt attempt) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", attempt.redirectUri().toString());
        form.put("code_verifier", attempt.codeVerifier());
        form.put("client_id", settings.clientId());
        // client_secret_basic, RFC 6749 2.3.1: both parts form-encoded before base64
        String client = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(provider().tokenEndpoint()).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(OidcLoginAttempt.form(form))).build();
        try (var reader = Json.createReader(new StringReader(send(request, "token endpoint")))) {
            String idToken = reader.readObject().getString("id_token", "");
            if (idToken.isEmpty()) {
                throw new OidcException("the token endpoint returned no ID token (is openid in OIDC_SCOPE?)");
            }
            return idToken;
        } catch (JsonException e) {
            throw new OidcException("the token endpoint's answer is not JSON", e);
        }
    }

    private synchronized ProviderMetadata provider() {
        if (provider == null) {
            URI discovery = URI.create(settings.providerUri() + "/.well-known/openid-configuration");
            provider = ProviderMetadata.parse(send(get(discovery), "discovery document"), settings.providerUri());
        }
        return provider;
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).header("Accept", "application/json").GET().build();
    }

    private String send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // token endpoint errors are {"error": "invalid_grant", ...}: no secret in them
                String body = response.body();
                throw new OidcException("the provider's " + what + " answered " + response.statusCode() + ": "
                        + body.substring(0, Math.min(body.length(), 200)));
            }
            return response.body();
        } catch (IOException e) {
            throw new OidcException("the provider's " + what + " (" + request.uri() + ") is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("interrupted while asking the provider", e);
        }
    }
}
