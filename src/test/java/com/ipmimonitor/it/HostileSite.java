package com.ipmimonitor.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Another site on loopback (its own address, or another port of the app's host) serving pages that forge requests
 * to the app: each page submits its form as soon as it loads, as a page a signed-in admin happens to open would.
 */
final class HostileSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    /** address: a loopback address, e.g. "127.0.0.2" (another site) or "127.0.0.1" (another port, the same site). */
    HostileSite(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 8);
        server.createContext("/", exchange -> {
            String page = pages.getOrDefault(exchange.getRequestURI().getPath(), "");
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page.isEmpty() ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** A page at path that posts a form to action on load; fields are written into the page as given (HTML). */
    String autoSubmitting(String path, String action, String enctype, String fields) {
        pages.put(path, "<!doctype html><html><body><form method=\"post\" action=\"" + action + "\" enctype=\"" + enctype
                + "\">" + fields + "</form><script>document.forms[0].submit();</script></body></html>");
        return url(path);
    }

    String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
