package com.ipmimonitor.it;

import com.ipmimonitor.security.control.TokenIssuer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * An OpenID Connect provider for tests, on 127.0.0.1 (an ephemeral port) with a key made at start: discovery,
 * an authorization endpoint that signs in whoever the test named (no login page), a token endpoint that checks
 * the client secret, the one-time code, the redirect URI and the PKCE verifier, and the key set. It can be
 * told to forge the next ID token (signed by another key) or to refuse the next sign-in.
 */
final class FakeOidcProvider implements AutoCloseable {

    record SignIn(String username, List<String> groups) {
    }

    private record Grant(SignIn user, String nonce, String codeChallenge, String redirectUri) {
    }

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private volatile TokenIssuer tokens = new TokenIssuer("it-key-1");
    private volatile String nextKeyId;
    private final java.util.concurrent.atomic.AtomicInteger keySetDownloads = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile SignIn nextSignIn;
    private volatile boolean forgeNextToken;
    private volatile boolean refuseNextSignIn;

    private FakeOidcProvider(HttpServer server, String clientId, String clientSecret) {
        this.server = server;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    static FakeOidcProvider start(String clientId, String clientSecret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        FakeOidcProvider provider = new FakeOidcProvider(server, clientId, clientSecret);
        server.createContext("/.well-known/openid-configuration", provider::discovery);
        server.createContext("/authorize", provider::authorize);
        server.createContext("/token", provider::token);
        server.createContext("/jwks", exchange -> {
            provider.keySetDownloads.incrementAndGet();
            respond(exchange, 200, provider.tokens.jwks());
        });
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-oidc-provider");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return provider;
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void signInAs(String username, String... groups) {
        nextSignIn = new SignIn(username, List.of(groups));
    }

    void forgeNextToken() {
        forgeNextToken = true;
    }

    void refuseNextSignIn() {
        refuseNextSignIn = true;
    }

    /** A new signing key under a new id; the key set lists only the new one from now on. */
    void rotateKey(String keyId) {
        tokens = new TokenIssuer(keyId);
    }

    /** The next ID token names this key id (one the key set does not hold) and is signed by an unrelated key. */
    void signNextWithUnknownKey(String keyId) {
        nextKeyId = keyId;
    }

    int keySetDownloads() {
        return keySetDownloads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        respond(exchange, 200, Json.createObjectBuilder().add("issuer", issuer())
                .add("authorization_endpoint", issuer() + "/authorize").add("token_endpoint", issuer() + "/token")
                .add("jwks_uri", issuer() + "/jwks").add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256")).build().toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type")) || !clientId.equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method")) || !query.getOrDefault("scope", "").contains("openid")
                || query.get("redirect_uri") == null || nextSignIn == null) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String answer;
        if (refuseNextSignIn) {
            refuseNextSignIn = false;
            answer = "error=access_denied";
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(nextSignIn, query.get("nonce"), query.get("code_challenge"), query.get("redirect_uri")));
            answer = "code=" + code;
        }
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?" + answer + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (!"POST".equals(exchange.getRequestMethod()) || !expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !"authorization_code".equals(form.get("grant_type")) || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        var groups = Json.createArrayBuilder();
        grant.user().groups().forEach(groups::add);
        var claims = TokenIssuer.claims(issuer(), clientId, grant.nonce(), "sub-" + grant.user().username(), Instant.now())
                .add("preferred_username", grant.user().username()).add("groups", groups).build();
        TokenIssuer signer = tokens;
        if (forgeNextToken) {
            forgeNextToken = false;
            signer = new TokenIssuer(tokens.keyId()); // same key id, another key: what an impostor could make
        } else if (nextKeyId != null) {
            signer = new TokenIssuer(nextKeyId);
            nextKeyId = null;
        }
        respond(exchange, 200, Json.createObjectBuilder().add("access_token", UUID.randomUUID().toString())
                .add("token_type", "Bearer").add("expires_in", 300).add("id_token", signer.sign(claims)).build().toString());
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            Arrays.stream(encoded.split("&")).map(p -> p.split("=", 2)).forEach(p -> fields.put(
                    URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
