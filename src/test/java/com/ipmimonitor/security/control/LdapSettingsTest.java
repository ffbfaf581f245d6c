package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LDAP_* settings read from MicroProfile Config: off without LDAP_URL, loud about settings that cannot work. */
class LdapSettingsTest {

    private final Map<String, String> config = new HashMap<>(Map.of(
            "ldap.url", "ldap://127.0.0.1:38989",
            "ldap.user.base", "ou=people,dc=example,dc=org",
            "ldap.group.base", "ou=groups,dc=example,dc=org",
            "ldap.admin.groups", "ipmi-admins"));

    private Optional<LdapSettings> read() {
        return LdapSettings.from(name -> Optional.ofNullable(config.get(name)));
    }

    private String failure() {
        return assertThrows(LdapConfigurationException.class, this::read).getMessage();
    }

    @Test
    void withoutUrlLdapIsOff() {
        config.remove("ldap.url");
        assertEquals(Optional.empty(), read());
        config.put("ldap.url", "  ");
        assertEquals(Optional.empty(), read());
    }

    @Test
    void defaultsFillTheRest() {
        LdapSettings settings = read().orElseThrow();
        assertEquals("(uid={0})", settings.userFilter());
        assertEquals("(member={0})", settings.groupFilter());
        assertEquals("cn", settings.groupNameAttribute());
        assertEquals(Duration.ofSeconds(5), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(10), settings.readTimeout());
        assertEquals(Optional.empty(), settings.bindDn());
    }

    @Test
    void everySettingIsRead() {
        config.putAll(Map.of("ldap.url", "ldaps://a.example.org ldaps://b.example.org:636",
                "ldap.bind.dn", "cn=reader,dc=example,dc=org", "ldap.bind.password", "s3cret ",
                "ldap.user.filter", "(&(objectClass=inetOrgPerson)(uid={0}))",
                "ldap.group.filter", "(memberUid={1})", "ldap.group.name.attribute", "gidName",
                "ldap.connect.timeout", "2", "ldap.read.timeout", "3"));
        LdapSettings settings = read().orElseThrow();
        assertEquals("ldaps://a.example.org ldaps://b.example.org:636", settings.url());
        assertEquals(Optional.of("cn=reader,dc=example,dc=org"), settings.bindDn());
        assertEquals(Optional.of("s3cret "), settings.bindPassword(), "a password is taken as given");
        assertEquals("(&(objectClass=inetOrgPerson)(uid={0}))", settings.userFilter());
        assertEquals("(memberUid={1})", settings.groupFilter());
        assertEquals("gidName", settings.groupNameAttribute());
        assertEquals(Duration.ofSeconds(2), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(3), settings.readTimeout());
    }

    @Test
    void theLogLineNeverShowsThePassword() {
        config.putAll(Map.of("ldap.bind.dn", "cn=reader,dc=example,dc=org", "ldap.bind.password", "never-shown-42"));
        String line = read().orElseThrow().toString();
        assertFalse(line.contains("never-shown-42"), line);
        assertTrue(line.contains("cn=reader,dc=example,dc=org") && line.contains("ipmi-admins"), line);
    }

    @Test
    void requiredSettingsAreNamedByTheirEnvironmentVariable() {
        config.remove("ldap.user.base");
        assertTrue(failure().contains("LDAP_USER_BASE"));
        config.put("ldap.user.base", "ou=people,dc=x");
        config.remove("ldap.group.base");
        assertTrue(failure().contains("LDAP_GROUP_BASE"));
        config.put("ldap.group.base", "ou=groups,dc=x");
        config.remove("ldap.admin.groups");
        assertTrue(failure().contains("LDAP_ADMIN_GROUPS"));
    }

    @Test
    void aBindDnNeedsAPasswordAndTheOtherWayRound() {
        // an empty password would turn the service bind into an anonymous one without anyone noticing
        config.put("ldap.bind.dn", "cn=reader,dc=x");
        assertTrue(failure().contains("LDAP_BIND_PASSWORD"));
        config.put("ldap.bind.password", "");
        assertTrue(failure().contains("LDAP_BIND_PASSWORD"));
        config.remove("ldap.bind.dn");
        config.put("ldap.bind.password", "x");
        assertTrue(failure().contains("LDAP_BIND_DN"));
    }

    @Test
    void onlyLdapUrlsAreAccepted() {
        config.put("ldap.url", "http://ldap.example.org");
        assertTrue(failure().contains("LDAP_URL"));
        config.put("ldap.url", "ldap://a ldapx://b");
        assertTrue(failure().contains("ldapx://b"));
    }

    @Test
    void basesMustBeDns() {
        config.put("ldap.user.base", "people");
        assertTrue(failure().contains("LDAP_USER_BASE"));
    }

    @Test
    void filtersMustBeParenthesizedAndUseTheirPlaceholders() {
        config.put("ldap.user.filter", "uid={0}");
        assertTrue(failure().contains("LDAP_USER_FILTER"));
        config.put("ldap.user.filter", "(uid=admin)");
        assertTrue(failure().contains("LDAP_USER_FILTER"), "a filter without {0} would let everyone sign in as one user");
        config.put("ldap.user.filter", "(uid={1})");
        assertTrue(failure().contains("LDAP_USER_FILTER"));
        config.put("ldap.user.filter", "(uid={0})");
        config.put("ldap.group.filter", "(objectClass=groupOfNames)");
        assertTrue(failure().contains("LDAP_GROUP_FILTER"), "a group filter without the user would make everyone admin");
        config.put("ldap.group.filter", "(memberUid={2})");
        assertTrue(failure().contains("LDAP_GROUP_FILTER"));
    }

    @Test
    void timeoutsArePositiveSeconds() {
        config.put("ldap.read.timeout", "0");
        assertTrue(failure().contains("LDAP_READ_TIMEOUT"));
        config.put("ldap.read.timeout", "10s");
        assertTrue(failure().contains("LDAP_READ_TIMEOUT"));
        config.put("ldap.read.timeout", "10");
        config.put("ldap.connect.timeout", "-1");
        assertTrue(failure().contains("LDAP_CONNECT_TIMEOUT"));
    }

    @Test
    void theGroupNameAttributeIsAnAttributeName() {
        config.put("ldap.group.name.attribute", "cn)(x");
        assertTrue(failure().contains("LDAP_GROUP_NAME_ATTRIBUTE"));
    }
}
