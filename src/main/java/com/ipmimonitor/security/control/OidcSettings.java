package com.ipmimonitor.security.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sign-in through an OpenID Connect provider (the OIDC_* settings). providerUri is the issuer; its discovery
 * document lives at providerUri/.well-known/openid-configuration. redirectUri empty means: built from the
 * request (behind a reverse proxy, set OIDC_REDIRECT_URI to the public https address).
 */
public record OidcSettings(URI providerUri, String clientId, String clientSecret, Set<String> adminGroups,
                           String groupsClaim, String callerClaim, String scope, Optional<URI> redirectUri) {

    /**
     * The settings from MicroProfile Config; empty when oidc.provider.uri is unset, which leaves OIDC off.
     * Settings that cannot work throw OidcConfigurationException naming the environment variable.
     */
    public static Optional<OidcSettings> from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> value = name -> config.apply(name).map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> provider = value.apply("oidc.provider.uri");
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        Function<String, String> required = name -> value.apply(name)
                .orElseThrow(() -> new OidcConfigurationException("OIDC_PROVIDER_URI is set, " + envName(name) + " is not"));
        String scope = value.apply("oidc.scope").orElse("openid profile email");
        if (!Arrays.asList(scope.split("\\s+")).contains("openid")) {
            throw new OidcConfigurationException("OIDC_SCOPE must include openid: " + scope);
        }
        return Optional.of(new OidcSettings(endpoint("oidc.provider.uri", provider.get().replaceAll("/+$", "")),
                required.apply("oidc.client.id"),
                config.apply("oidc.client.secret").filter(s -> !s.isEmpty())
                        .orElseThrow(() -> new OidcConfigurationException("OIDC_PROVIDER_URI is set, OIDC_CLIENT_SECRET is not")),
                groups(required.apply("oidc.admin.groups")),
                value.apply("oidc.groups.claim").orElse("groups"),
                value.apply("oidc.caller.claim").orElse("preferred_username"),
                scope,
                value.apply("oidc.redirect.uri").map(uri -> endpoint("oidc.redirect.uri", uri))));
    }

    /**
     * https, or http to this machine only (a provider or proxy on loopback): tokens and the client secret must
     * not cross a network in the clear.
     */
    public static URI endpoint(String property, String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = Optional.ofNullable(parsed.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (parsed.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(parsed.getHost()))) {
                throw new OidcConfigurationException(envName(property) + " must be an https:// address (http:// only on loopback): " + uri);
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw new OidcConfigurationException(envName(property) + " is not a URI: " + uri);
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1") || host.startsWith("127.");
    }

    private static Set<String> groups(String list) {
        Set<String> groups = Arrays.stream(list.split(",")).map(String::strip).filter(g -> !g.isEmpty()).collect(Collectors.toSet());
        if (groups.isEmpty()) {
            throw new OidcConfigurationException("OIDC_ADMIN_GROUPS names no group");
        }
        return Set.copyOf(groups);
    }

    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** For the startup log: everything but the client secret. */
    @Override
    public String toString() {
        return "OpenID Connect provider " + providerUri + " as client " + clientId + ", admin role for "
                + adminGroups.stream().sorted().collect(Collectors.joining(", ")) + " in claim " + groupsClaim;
    }
}
