package com.ipmimonitor.security.control;

/** The directory could not answer (down, timed out, the service account rejected): nobody can be checked. */
public class LdapUnavailableException extends RuntimeException {

    public LdapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
