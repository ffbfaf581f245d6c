package com.ipmimonitor.alerting.control;

import com.ipmimonitor.alerting.entity.DeliveryFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs one JSON body with hard connect and response timeouts; any 2xx counts as delivered. Redirects are not
 * followed (a webhook that moves must be changed by an admin, and a redirect could leak the body elsewhere).
 */
public final class WebhookSender {

    private final HttpClient http;
    private final Duration timeout;

    public WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void post(String url, Optional<String> authorization, String json) throws DeliveryFailure {
        URI uri = URI.create(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "ipmi-monitor-alerting")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        authorization.ifPresent(a -> request.header("Authorization", a));
        String where = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailure(where + " answered HTTP " + response.statusCode());
            }
        } catch (HttpConnectTimeoutException e) {
            throw new DeliveryFailure(where + ": no connection within " + timeout.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure(where + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new DeliveryFailure(where + ": " + e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(m -> " " + m).orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure(where + ": interrupted");
        }
    }
}
