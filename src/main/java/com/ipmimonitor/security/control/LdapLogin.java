package com.ipmimonitor.security.control;

import java.util.Optional;

/**
 * One sign-in against the directory: find the user's entry with the service account, bind as that entry with
 * the password given, then look up the groups that grant the admin role.
 */
public class LdapLogin {

    private final LdapDirectory directory;
    private final AdminGroups adminGroups;

    public LdapLogin(LdapSettings settings) {
        this.directory = new LdapDirectory(settings);
        this.adminGroups = settings.adminGroups();
    }

    /**
     * The caller when the directory knows this user with this password; empty when it does not.
     * Throws LdapUnavailableException when the directory cannot tell.
     */
    public Optional<LdapCaller> authenticate(String username, String password) {
        // an empty password would be an "unauthenticated bind", which LDAP servers answer with success
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return directory.findUserDn(username)
                .filter(dn -> directory.passwordMatches(dn, password))
                .map(dn -> new LdapCaller(username, dn, adminGroups.includesAny(directory.findGroupsOf(dn, username))));
    }
}
