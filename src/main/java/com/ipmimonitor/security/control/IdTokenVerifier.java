package com.ipmimonitor.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks an ID token as OpenID Connect Core 3.1.3.7 asks, with Nimbus JOSE+JWT: an RS256 signature by one of the
 * provider's keys (no "none", no HMAC: an attacker could sign with the public key as HMAC secret), our provider as
 * issuer, us as audience, in time, and the nonce of this sign-in (so a token captured elsewhere cannot be replayed).
 */
public final class IdTokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final String issuer;
    private final String clientId;

    public IdTokenVerifier(String issuer, String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    /** The token's claims when it is valid for this sign-in; otherwise OidcException saying why. */
    public JsonObject verify(String idToken, JWKSource<SecurityContext> keys, String expectedNonce, Instant now) {
        JWT token = parse(idToken);
        var processor = new DefaultJWTProcessor<SecurityContext>();
        // RS256 whatever the header asks for: the key selector finds no key for "none", HS256 or any other algorithm
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // providers differ in the header's typ (JWT, none, ...), and OIDC does not ask for one: the nonce ties the token
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(expectedNonce, now));
        try {
            processor.process(token, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcException("the ID token " + describe(token) + " is refused: " + e.getMessage(), e);
        }
        try (var reader = Json.createReader(new StringReader(token.getParsedParts()[1].decodeToString()))) {
            return reader.readObject();
        }
    }

    private static JWT parse(String idToken) {
        try {
            return JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw new OidcException("the ID token is not a JWT: " + e.getMessage(), e);
        }
    }

    /** Algorithm and key id from the header, so that a refusal in the log says which key was asked for. */
    private static String describe(JWT token) {
        String keyId = token.getHeader() instanceof JWSHeader jws && jws.getKeyID() != null ? ", key " + jws.getKeyID() : "";
        return "(alg " + token.getHeader().getAlgorithm() + keyId + ")";
    }

    /** Nimbus's checks of iss, aud, exp, nbf, nonce and sub, at the caller's clock; plus azp, iat and a non-blank sub. */
    private final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Instant now;

        ClaimsVerifier(String expectedNonce, Instant now) {
            // Nimbus asks its sets whether they hold null, which Set.of() answers with an exception
            super(new HashSet<>(Set.of(clientId)), new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", expectedNonce).build(),
                    new HashSet<>(Set.of("sub", "exp")), null);
            this.now = now;
            setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        }

        @Override
        protected Date currentTime() {
            return Date.from(now);
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            String authorizedParty = claims.getClaim("azp") instanceof String azp ? azp : clientId;
            // with several audiences, the party the token was issued to (azp) must be us
            if (!authorizedParty.equals(clientId)) {
                throw new BadJWTException("JWT azp claim has value " + authorizedParty + ", must be " + clientId);
            }
            Date issued = claims.getIssueTime();
            if (issued != null && issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
                throw new BadJWTException("JWT issued in the future (iat " + issued.toInstant() + ")");
            }
            if (claims.getSubject() == null || claims.getSubject().isBlank()) {
                throw new BadJWTException("JWT sub claim is empty");
            }
        }
    }
}
