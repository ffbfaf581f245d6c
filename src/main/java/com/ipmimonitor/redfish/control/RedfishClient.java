package com.ipmimonitor.redfish.control;

import com.ipmimonitor.redfish.entity.RedfishException;
import com.ipmimonitor.redfish.entity.RedfishFailure;
import com.ipmimonitor.redfish.entity.ServiceRoot;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One Redfish service over HTTPS with java.net.http (keep-alive, HTTP/1.1, hard connect and request timeouts).
 * Logs in once through SessionService and keeps the X-Auth-Token across calls, logs in again when a call gets
 * 401 (the session expired), and deletes the session on close; Basic authentication only where the service has no
 * SessionService. Idempotent GETs are retried a bounded number of times on a dropped connection or a 5xx.
 * Every failure is a RedfishException of one RedfishFailure kind. Neither password nor token ever appears in a
 * message.
 */
public final class RedfishClient implements AutoCloseable {

    /** Limits of one client: each request waits at most requestTimeout, and is tried 1 + retries times. */
    public record Limits(Duration connectTimeout, Duration requestTimeout, int retries) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(5), Duration.ofSeconds(20), 1);
        }
    }

    private final URI base;
    private final RedfishCredentials credentials;
    private final BmcTrust trust;
    private final Limits limits;
    private final HttpClient http;
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private String sessionsPath = ResourceMapping.DEFAULT_SESSIONS;
    private String token;
    private URI session;
    private boolean basic;

    public RedfishClient(URI base, RedfishCredentials credentials, BmcTrust trust, Limits limits) {
        this.base = base;
        this.credentials = credentials;
        this.trust = trust;
        this.limits = limits;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext(trust))
                .build();
    }

    private static SSLContext sslContext(BmcTrust trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new BmcTrust[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    /** /redfish/v1/, read without credentials (the service root is public); tells where sessions are made. */
    public ServiceRoot serviceRoot() {
        ServiceRoot root = ResourceMapping.serviceRoot(parse("/redfish/v1/", send(request("/redfish/v1/"), false)));
        sessionsPath = root.sessions();
        return root;
    }

    /**
     * The SHA-256 fingerprint of the certificate the BMC presents now, from a full handshake of its own (a fresh
     * SSLContext: no session resumption skips the check), checked by this client's trust: a changed certificate is
     * noticed at every poll even while keep-alive connections made before the change are still open. Sends
     * nothing but the handshake, so no credential goes to a BMC that is not trusted.
     */
    public String certificate() {
        SSLContext context = sslContext(trust);
        String host = base.getHost().startsWith("[") ? base.getHost().substring(1, base.getHost().length() - 1)
                : base.getHost();
        int port = base.getPort() < 0 ? 443 : base.getPort();
        try (Socket plain = new Socket()) {
            try {
                plain.connect(new InetSocketAddress(host, port), (int) limits.connectTimeout().toMillis());
            } catch (IOException e) {
                throw new RedfishException(RedfishFailure.UNREACHABLE, "no connection to " + host + ":" + port, e);
            }
            plain.setSoTimeout((int) limits.requestTimeout().toMillis());
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, host, port, false)) {
                if (trust.isCaBundle()) {
                    SSLParameters parameters = tls.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // as the HTTP client checks names
                    tls.setSSLParameters(parameters);
                }
                tls.startHandshake();
                return BmcTrust.fingerprint((X509Certificate)
                        tls.getSession().getPeerCertificates()[0]);
            }
        } catch (SocketTimeoutException e) {
            throw new RedfishException(RedfishFailure.TIMEOUT, "no TLS handshake in time with " + host + ":" + port, e);
        } catch (IOException e) {
            throw classify(HttpRequest.newBuilder(base.resolve("/")).build(), e);
        }
    }

    /** A resource by its @odata.id (or a nextLink), logged in. */
    public JsonObject get(String path) {
        login();
        HttpResponse<byte[]> response = send(authorised(request(path)), true);
        if (response.statusCode() == 401 && !basic) {
            token = null; // expired or deleted on the BMC: one fresh login, then the verdict stands
            login();
            response = send(authorised(request(path)), true);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new RedfishException(RedfishFailure.AUTH_FAILED, "the BMC refused the credentials on " + path);
        }
        return parse(path, response);
    }

    public long bytesReceived() {
        return bytesReceived.get();
    }

    public int requests() {
        return requests.get();
    }

    /** Sessions opened so far (1 for a client whose session lasted). */
    public int logins() {
        return logins.get();
    }

    public BmcTrust trust() {
        return trust;
    }

    /** Deletes the session on the BMC, so the few sessions a BMC allows are not used up; failures are ignored. */
    @Override
    public void close() {
        if (token == null || session == null) {
            return;
        }
        try {
            send(authorised(HttpRequest.newBuilder(session).DELETE()), false);
        } catch (RedfishException e) {
            // the session expires on the BMC by itself
        } finally {
            token = null;
            session = null;
        }
    }

    private void login() {
        if (token != null || basic) {
            return;
        }
        String body = Json.createObjectBuilder()
                .add("UserName", credentials.user()).add("Password", credentials.password()).build().toString();
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(base.resolve(sessionsPath))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), false);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new RedfishException(RedfishFailure.AUTH_FAILED, "the BMC refused the login");
        }
        Optional<String> newToken = response.headers().firstValue("X-Auth-Token");
        if (status == 404 || status == 405 || status == 501 || (status < 300 && newToken.isEmpty())) {
            basic = true; // no SessionService: Basic on every request
            return;
        }
        if (status >= 300) {
            throw new RedfishException(RedfishFailure.PROTOCOL_ERROR, "login answered HTTP " + status);
        }
        token = newToken.get();
        session = response.headers().firstValue("Location").map(base::resolve).orElse(null);
        logins.incrementAndGet();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET();
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        if (basic) {
            String pair = credentials.user() + ":" + credentials.password();
            return request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return request.header("X-Auth-Token", token);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder, boolean retry) {
        HttpRequest request = builder.timeout(limits.requestTimeout()).header("Accept", "application/json").build();
        int attempts = retry ? 1 + limits.retries() : 1;
        RedfishException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                requests.incrementAndGet();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                bytesReceived.addAndGet(response.body().length);
                if (response.statusCode() < 500) {
                    return response;
                }
                last = new RedfishException(RedfishFailure.PROTOCOL_ERROR,
                        "HTTP " + response.statusCode() + " on " + request.uri().getPath());
            } catch (IOException e) {
                last = classify(request, e);
                if (last.failure() != RedfishFailure.UNREACHABLE) {
                    throw last; // a timeout or a refused certificate does not get better by asking again
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RedfishException(RedfishFailure.TIMEOUT, "interrupted", e);
            }
        }
        throw last;
    }

    static RedfishException classify(HttpRequest request, IOException e) {
        String where = request.uri().getHost() + ":" + request.uri().getPort() + request.uri().getPath();
        if (e instanceof HttpConnectTimeoutException || cause(e, ConnectException.class).isPresent()) {
            return new RedfishException(RedfishFailure.UNREACHABLE, "no connection to " + where, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new RedfishException(RedfishFailure.TIMEOUT, "no answer in time from " + where, e);
        }
        Optional<CertificateChangedException> changed = cause(e, CertificateChangedException.class);
        if (changed.isPresent()) {
            return new RedfishException(RedfishFailure.CERTIFICATE_CHANGED, changed.get().getMessage(), e);
        }
        if (cause(e, CertificateException.class).isPresent()) {
            return new RedfishException(RedfishFailure.TLS_FAILED, "certificate not trusted: " + where, e);
        }
        if (e instanceof SSLException && cause(e, java.io.EOFException.class).isEmpty()) {
            return new RedfishException(RedfishFailure.TLS_FAILED, "TLS failed with " + where + ": "
                    + e.getMessage(), e);
        }
        return new RedfishException(RedfishFailure.UNREACHABLE, "connection to " + where + " lost: "
                + e.getMessage(), e);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static JsonObject parse(String path, HttpResponse<byte[]> response) {
        if (response.statusCode() >= 300) {
            throw new RedfishException(RedfishFailure.PROTOCOL_ERROR, "HTTP " + response.statusCode() + " on "
                    + path, response.statusCode());
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(response.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new RedfishException(RedfishFailure.PROTOCOL_ERROR, "not JSON from " + path, e);
        }
    }
}
