package com.ipmimonitor.security.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which state-changing requests are refused as cross-site (CSRF). A browser attaches the admin's session cookie or
 * cached Basic credentials to requests any page starts, so a write is only taken when it is provably not started by
 * another origin: a browser says where a request comes from (Sec-Fetch-Site, else Origin), and that must be this
 * application's own origin, exactly (another port of the same host is "same-site" but another origin). Clients that
 * send neither (curl, scripts) are not browsers and carry no ambient credentials, so they are not affected; the one
 * exception is a form submission (it asks for HTML) with a body type an HTML form can send, which on the API must
 * come with a browser's word that it is same-origin. Reads (GET, HEAD, OPTIONS) are never refused.
 */
public final class CrossSiteRule {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    /**
     * What the rule looks at. scheme and host: how the request reached the app (the Host header, host[:port]);
     * the header values are null when absent.
     */
    public record Request(String method, String path, String scheme, String host, String secFetchSite, String origin,
                          String contentType, String accept) {
    }

    private final Set<String> publicOrigins;

    /** publicUrls: addresses this app is reached at from outside (e.g. behind a TLS proxy); blank ones are ignored. */
    public CrossSiteRule(Collection<String> publicUrls) {
        this.publicOrigins = publicUrls.stream().map(CrossSiteRule::originOf).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why the request is refused, or empty when it may go on. */
    public Optional<String> refusal(Request request) {
        if (SAFE_METHODS.contains(request.method().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (request.secFetchSite() != null) {
            // set by the browser itself, a page cannot forge it; "same-site" includes the host's other ports
            return "same-origin".equalsIgnoreCase(request.secFetchSite().strip()) ? Optional.empty()
                    : Optional.of("cross-site request refused: it was started by another site or port");
        }
        if (request.origin() != null) {
            return isOwn(request.origin(), request) ? Optional.empty()
                    : Optional.of("cross-origin request refused: the Origin is not this application's");
        }
        if (isApi(request.path()) && isFormType(request.contentType()) && asksForHtml(request.accept())) {
            return Optional.of("form submission refused: a browser that names no origin may not post a form to the API");
        }
        return Optional.empty();
    }

    /**
     * Whether a browser (rather than curl or a script) sent the request: those do not get a Basic challenge, so
     * that no browser prompts for, and then keeps, credentials it would attach to requests of every other site.
     */
    public static boolean fromBrowser(String secFetchMode, String origin, String accept) {
        return secFetchMode != null || origin != null || asksForHtml(accept);
    }

    private boolean isOwn(String origin, Request request) {
        Optional<String> given = originOf(origin);
        return given.isPresent() && (given.equals(originOf(request.scheme() + "://" + request.host()))
                || publicOrigins.contains(given.get()));
    }

    /** scheme://host:port in lower case with the default port filled in; empty for "null" and malformed values. */
    static Optional<String> originOf(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            if (uri.getHost() == null || port < 0 || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean isFormType(String contentType) {
        if (contentType == null) {
            return true; // an empty form post may send none; treated like one
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return FORM_TYPES.contains(type);
    }

    private static boolean asksForHtml(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }
}
