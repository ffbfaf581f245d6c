package com.ipmimonitor.security.control;

/**
 * A sign-in through the provider that cannot be completed: the provider unreachable or answering an error,
 * or an ID token that is not valid for us. The message says why and never holds a token or secret.
 */
public class OidcException extends RuntimeException {

    public OidcException(String message) {
        super(message);
    }

    public OidcException(String message, Throwable cause) {
        super(message, cause);
    }
}
