package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.junit.jupiter.api.Test;

/** LDAP_ADMIN_GROUPS: which directory groups map to the admin role. */
class AdminGroupsTest {

    private static LdapGroup group(String dn, String... names) throws InvalidNameException {
        return new LdapGroup(new LdapName(dn), Set.of(names));
    }

    @Test
    void namesSeparatedByCommasMatchTheGroupNameWithoutRegardToCase() throws Exception {
        AdminGroups admins = AdminGroups.parse("ipmi-admins, Ops");
        assertTrue(admins.includesAny(List.of(group("cn=IPMI-Admins,ou=groups,dc=x", "IPMI-Admins"))));
        assertTrue(admins.includesAny(List.of(group("cn=whatever,ou=groups,dc=x", "whatever", "ops"))));
        assertFalse(admins.includesAny(List.of(group("cn=ipmi-users,ou=groups,dc=x", "ipmi-users"))));
        assertFalse(admins.includesAny(List.of()));
    }

    @Test
    void aGroupNameDoesNotMatchByItsDnAlone() throws Exception {
        // the name attribute is what counts; a group whose DN says ipmi-admins but whose cn differs is not it
        assertFalse(AdminGroups.parse("ipmi-admins").includesAny(List.of(group("cn=ipmi-admins,ou=groups,dc=x", "other"))));
    }

    @Test
    void dnsSeparatedBySemicolonsMatchTheGroupDnAsADn() throws Exception {
        AdminGroups admins = AdminGroups.parse("cn=ipmi-admins,ou=groups,dc=example,dc=org; cn=root-ops, ou=groups, dc=example, dc=org");
        assertTrue(admins.includesAny(List.of(group("CN=IPMI-Admins, OU=Groups,DC=Example,DC=Org"))));
        assertTrue(admins.includesAny(List.of(group("cn=root-ops,ou=groups,dc=example,dc=org"))));
        assertFalse(admins.includesAny(List.of(group("cn=ipmi-admins,ou=other,dc=example,dc=org", "ipmi-admins"))));
    }

    @Test
    void namesAndDnsMix() throws Exception {
        AdminGroups admins = AdminGroups.parse("superusers;cn=ipmi-admins,ou=groups,dc=x");
        assertTrue(admins.includesAny(List.of(group("cn=s,ou=groups,dc=x", "superusers"))));
        assertTrue(admins.includesAny(List.of(group("cn=ipmi-admins,ou=groups,dc=x", "ipmi-admins"))));
        assertEquals("superusers; cn=ipmi-admins,ou=groups,dc=x", admins.toString());
    }

    @Test
    void escapedCharactersInADnCompareByValue() throws Exception {
        AdminGroups admins = AdminGroups.parse("cn=ops \\28night\\29,ou=groups,dc=x");
        assertTrue(admins.includesAny(List.of(group("cn=Ops (Night),ou=groups,dc=x"))));
    }

    @Test
    void dnsSeparatedByCommasAreRejectedInsteadOfGuessed() {
        var e = assertThrows(LdapConfigurationException.class, () -> AdminGroups.parse("ops,cn=ipmi-admins,dc=x"));
        assertTrue(e.getMessage().contains("LDAP_ADMIN_GROUPS"), e.getMessage());
    }

    @Test
    void anEmptyListIsRejected() {
        assertThrows(LdapConfigurationException.class, () -> AdminGroups.parse(" , ;"));
    }
}
