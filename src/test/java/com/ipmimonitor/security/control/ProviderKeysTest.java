package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The key set is read when first needed and again for an unknown key id, at most once per pause. */
class ProviderKeysTest {

    private Instant now = Instant.parse("2026-01-01T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger downloads = new AtomicInteger();
    private String served = new TokenIssuer("key-1").jwks();
    private final ProviderKeys keys = new ProviderKeys(() -> {
        downloads.incrementAndGet();
        return served;
    }, clock);

    private static JWKSelector rs256(String keyId) {
        return new JWKSelector(JWKMatcher.forJWSHeader(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build()));
    }

    @Test
    void theKeySetIsReadOnceWhileItHoldsTheKeysAsked() {
        assertEquals(0, downloads.get(), "nothing is read before a token needs it");
        assertEquals(1, keys.get(rs256("key-1"), null).size());
        assertEquals(1, keys.get(rs256("key-1"), null).size());
        now = now.plusSeconds(3600);
        assertEquals(1, keys.get(rs256("key-1"), null).size());
        assertEquals(1, downloads.get());
    }

    @Test
    void anUnknownKeyIdRereadsTheKeySetAtMostOncePerPause() {
        keys.get(rs256("key-1"), null);
        served = new TokenIssuer("key-2").jwks(); // the provider rotated its key
        now = now.plus(ProviderKeys.REFRESH_PAUSE).plusSeconds(1);
        assertEquals(1, keys.get(rs256("key-2"), null).size(), "the rotated key is fetched");
        assertEquals(2, downloads.get());
        assertTrue(keys.get(rs256("unknown"), null).isEmpty());
        now = now.plus(ProviderKeys.REFRESH_PAUSE);
        assertTrue(keys.get(rs256("unknown"), null).isEmpty());
        assertEquals(2, downloads.get(), "not read again within the pause");
        now = now.plusSeconds(1);
        assertTrue(keys.get(rs256("unknown"), null).isEmpty());
        assertEquals(3, downloads.get(), "read again after the pause");
    }

    @Test
    void aDocumentThatIsNotAKeySetIsAnOidcError() {
        served = "{\"nokeys\":1}";
        assertTrue(assertThrows(OidcException.class, () -> keys.get(rs256("key-1"), null)).getMessage().contains("not a JWK set"));
    }
}
