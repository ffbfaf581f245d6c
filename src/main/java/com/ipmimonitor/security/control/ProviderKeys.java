package com.ipmimonitor.security.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The provider's signing keys (its jwks_uri document), downloaded when first needed and again when a token names a
 * key they do not hold (the provider rotated its keys). Keys of another type or use are never selected for RS256.
 */
final class ProviderKeys implements JWKSource<SecurityContext> {

    /**
     * At most one key set download per 10 s. Tokens come straight from the token endpoint, so an unknown key id
     * means the provider rotated its keys; the pause only keeps a misbehaving provider from being asked in a loop.
     */
    static final Duration REFRESH_PAUSE = Duration.ofSeconds(10);

    private final Supplier<String> download;
    private final Clock clock;
    private JWKSet keys;
    private Instant downloaded = Instant.MIN;

    ProviderKeys(Supplier<String> download, Clock clock) {
        this.download = download;
        this.clock = clock;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) {
        if (keys == null || selector.select(keys).isEmpty() && clock.instant().isAfter(downloaded.plus(REFRESH_PAUSE))) {
            keys = parse(download.get());
            downloaded = clock.instant();
        }
        return selector.select(keys);
    }

    static JWKSet parse(String jwks) {
        try {
            return JWKSet.parse(jwks);
        } catch (ParseException e) {
            throw new OidcException("the provider's key set is not a JWK set: " + e.getMessage(), e);
        }
    }
}
