package com.ipmimonitor.security.control;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * The directory groups whose members get the admin role (LDAP_ADMIN_GROUPS). An entry with "=" is a group DN,
 * compared as a DN (case, spaces and escapes do not matter); any other entry is a group name, compared without
 * regard to case with the group's name attribute, as LDAP compares cn. DNs contain commas, so a list holding a
 * DN is separated by ";" only; a list of plain names may use "," as well.
 */
public final class AdminGroups {

    private final Set<LdapName> dns;
    private final Set<String> names;

    private AdminGroups(Set<LdapName> dns, Set<String> names) {
        this.dns = Set.copyOf(dns);
        this.names = Set.copyOf(names);
    }

    public static AdminGroups parse(String list) {
        String separators = list.contains("=") ? ";" : "[,;]";
        Set<LdapName> dns = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String entry : Arrays.stream(list.split(separators)).map(String::strip).filter(e -> !e.isEmpty()).toList()) {
            if (entry.contains("=")) {
                dns.add(dn(entry));
            } else {
                names.add(entry.toLowerCase(Locale.ROOT));
            }
        }
        if (dns.isEmpty() && names.isEmpty()) {
            throw new LdapConfigurationException("LDAP_ADMIN_GROUPS names no group");
        }
        return new AdminGroups(dns, names);
    }

    public boolean includesAny(Collection<LdapGroup> groups) {
        return groups.stream().anyMatch(this::includes);
    }

    private boolean includes(LdapGroup group) {
        return dns.contains(group.dn())
                || group.names().stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(names::contains);
    }

    private static LdapName dn(String entry) {
        try {
            return new LdapName(entry);
        } catch (InvalidNameException e) {
            throw new LdapConfigurationException("LDAP_ADMIN_GROUPS: \"" + entry + "\" is not a DN (separate DNs with \";\")");
        }
    }

    /** For the startup log: the configured names and DNs. */
    @Override
    public String toString() {
        return Stream.concat(names.stream().sorted(), dns.stream().map(LdapName::toString).sorted())
                .collect(Collectors.joining("; "));
    }
}
