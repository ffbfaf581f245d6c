package com.ipmimonitor.security.control;

import java.util.Set;
import javax.naming.ldap.LdapName;

/** A group the directory lists a user in: its DN and the values of its name attribute (usually cn). */
public record LdapGroup(LdapName dn, Set<String> names) {

    public LdapGroup {
        names = Set.copyOf(names);
    }
}
