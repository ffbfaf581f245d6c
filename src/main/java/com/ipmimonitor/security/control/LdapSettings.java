package com.ipmimonitor.security.control;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * Where the directory is and how users and their groups are found in it (the LDAP_* settings).
 * bindDn empty means the searches run anonymously.
 */
public record LdapSettings(String url, Optional<String> bindDn, Optional<String> bindPassword, String userBase,
                           String userFilter, String groupBase, String groupFilter, String groupNameAttribute,
                           AdminGroups adminGroups, Duration connectTimeout, Duration readTimeout) {

    static final String DEFAULT_USER_FILTER = "(uid={0})";
    static final String DEFAULT_GROUP_FILTER = "(member={0})";

    /**
     * The settings from MicroProfile Config (config maps a property name like ldap.url to its value, empty when
     * unset); empty when ldap.url is unset, which leaves LDAP off. Settings that cannot work throw
     * LdapConfigurationException naming the environment variable.
     */
    public static Optional<LdapSettings> from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> value = name -> config.apply(name).map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> url = value.apply("ldap.url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Function<String, String> required = name -> value.apply(name)
                .orElseThrow(() -> new LdapConfigurationException("LDAP_URL is set, " + envName(name) + " is not"));
        Optional<String> bindDn = value.apply("ldap.bind.dn");
        // not stripped: a password may end in a space
        Optional<String> bindPassword = config.apply("ldap.bind.password").filter(p -> !p.isEmpty());
        if (bindDn.isPresent() != bindPassword.isPresent()) {
            // a DN without password is an "unauthenticated bind" that servers accept and then treat as anonymous
            throw new LdapConfigurationException("set both LDAP_BIND_DN and LDAP_BIND_PASSWORD, or neither (anonymous search)");
        }
        return Optional.of(new LdapSettings(urls(url.get()), bindDn.map(dn -> dn("ldap.bind.dn", dn)), bindPassword,
                dn("ldap.user.base", required.apply("ldap.user.base")),
                filter("ldap.user.filter", value.apply("ldap.user.filter").orElse(DEFAULT_USER_FILTER), 0),
                dn("ldap.group.base", required.apply("ldap.group.base")),
                filter("ldap.group.filter", value.apply("ldap.group.filter").orElse(DEFAULT_GROUP_FILTER), 1),
                attribute(value.apply("ldap.group.name.attribute").orElse("cn")),
                AdminGroups.parse(required.apply("ldap.admin.groups")),
                seconds("ldap.connect.timeout", value.apply("ldap.connect.timeout").orElse("5")),
                seconds("ldap.read.timeout", value.apply("ldap.read.timeout").orElse("10"))));
    }

    /** ldap.user.base -> LDAP_USER_BASE, the name operators set. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** One URL or several separated by spaces (JNDI tries them in turn). */
    private static String urls(String urls) {
        for (String url : urls.split("\\s+")) {
            String lower = url.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
                throw new LdapConfigurationException("LDAP_URL must be ldap://host[:port] or ldaps://host[:port], not " + url);
            }
        }
        return urls;
    }

    private static String dn(String property, String dn) {
        try {
            new LdapName(dn);
            return dn;
        } catch (InvalidNameException e) {
            throw new LdapConfigurationException(envName(property) + " is not a DN: " + dn);
        }
    }

    private static String filter(String property, String filter, int highestAllowed) {
        int highest = LdapFilter.highestPlaceholder(filter);
        if (!filter.startsWith("(") || !filter.endsWith(")") || highest < 0 || highest > highestAllowed) {
            throw new LdapConfigurationException(envName(property) + " must be a filter in parentheses using {0}"
                    + (highestAllowed > 0 ? " (the user's DN) or {1} (the user name)" : " (the user name)") + ": " + filter);
        }
        return filter;
    }

    private static String attribute(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new LdapConfigurationException("LDAP_GROUP_NAME_ATTRIBUTE is not an attribute name: " + name);
        }
        return name;
    }

    private static Duration seconds(String property, String seconds) {
        try {
            int value = Integer.parseInt(seconds);
            if (value > 0) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LdapConfigurationException(envName(property) + " must be a positive number of seconds: " + seconds);
    }

    /** For the startup log: everything but the password. */
    @Override
    public String toString() {
        return "LDAP " + url + ", users under " + userBase + " matching " + userFilter + ", groups under " + groupBase
                + " matching " + groupFilter + ", admin role for " + adminGroups + ", searching "
                + bindDn.map(dn -> "as " + dn).orElse("anonymously");
    }
}
