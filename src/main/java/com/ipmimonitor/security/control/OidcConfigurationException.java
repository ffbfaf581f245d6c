package com.ipmimonitor.security.control;

/** OIDC_* settings that cannot work; thrown at startup so that the mistake shows before anyone signs in. */
public class OidcConfigurationException extends RuntimeException {

    public OidcConfigurationException(String message) {
        super(message);
    }
}
