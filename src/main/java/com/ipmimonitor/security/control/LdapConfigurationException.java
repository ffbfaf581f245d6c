package com.ipmimonitor.security.control;

/** LDAP_* settings that cannot work; thrown at startup so that the mistake shows before anyone signs in. */
public class LdapConfigurationException extends RuntimeException {

    public LdapConfigurationException(String message) {
        super(message);
    }
}
