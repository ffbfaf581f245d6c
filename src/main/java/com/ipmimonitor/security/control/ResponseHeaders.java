package com.ipmimonitor.security.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Security headers of every response. Pages get their Content-Security-Policy from PrimeFaces (primefaces.CSP in
 * web.xml: it adds a per-request script nonce to PAGE_POLICY); everything else (JSON, CSV, metrics text) may
 * load and run nothing at all.
 */
public final class ResponseHeaders {

    /** The pages' policy; PrimeFaces appends " 'nonce-…'" to the script-src at the end. */
    public static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none';"
            + " script-src 'self'";
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private ResponseHeaders() {
    }

    /** path: the request path inside the application ("/api/servers", "/settings", "/"). */
    public static Map<String, String> forPath(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY"); // for browsers that predate frame-ancestors
        headers.put("Referrer-Policy", "same-origin");
        if (!isPage(path)) {
            headers.put("Content-Security-Policy", DATA_POLICY);
        }
        return headers;
    }

    /** Pages are rendered by JSF, which sets their policy itself; static resources need none. */
    static boolean isPage(String path) {
        return path.equals("/") || path.endsWith(".xhtml") || path.equals("/login") || path.equals("/settings")
                || path.equals("/alerts") || path.startsWith("/server/") || path.startsWith("/jakarta.faces.resource/");
    }
}
