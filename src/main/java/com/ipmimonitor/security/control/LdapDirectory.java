package com.ipmimonitor.security.control;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapName;

/**
 * The directory over JNDI: finds a user's entry, checks a password by binding as that entry, and lists the
 * user's groups. Every connection has the configured connect and read timeouts, so a hung server costs a
 * sign-in attempt seconds, not a request thread. A new connection per call: sign-ins are rare.
 */
public class LdapDirectory {

    private final LdapSettings settings;

    public LdapDirectory(LdapSettings settings) {
        this.settings = settings;
    }

    /** The DN of the one entry the user filter finds for this name; empty when none or several match. */
    public Optional<String> findUserDn(String username) {
        String filter = LdapFilter.fill(settings.userFilter(), username);
        // two are enough to tell "exactly one" from "ambiguous"; "1.1" asks for no attributes at all
        var controls = controls(2, "1.1");
        return withServiceAccount(directory -> {
            List<String> dns = new ArrayList<>();
            try {
                NamingEnumeration<SearchResult> found = directory.search(settings.userBase(), filter, controls);
                while (found.hasMore()) {
                    dns.add(found.next().getNameInNamespace());
                }
            } catch (SizeLimitExceededException e) {
                return Optional.empty();
            }
            return dns.size() == 1 ? Optional.of(dns.get(0)) : Optional.empty();
        });
    }

    /** Binds as the user; the caller has made sure the password is not empty (an empty one binds anonymously). */
    public boolean passwordMatches(String userDn, String password) {
        try {
            connect(Optional.of(userDn), Optional.of(password)).close();
            return true;
        } catch (AuthenticationException e) {
            return false;
        } catch (NamingException e) {
            throw new LdapUnavailableException("binding as the user failed: " + reason(e), e);
        }
    }

    /** The groups the group filter finds for this user ({0} is the user's DN, {1} the name typed). */
    public List<LdapGroup> findGroupsOf(String userDn, String username) {
        String filter = LdapFilter.fill(settings.groupFilter(), userDn, username);
        var controls = controls(0, settings.groupNameAttribute());
        return withServiceAccount(directory -> {
            List<LdapGroup> groups = new ArrayList<>();
            NamingEnumeration<SearchResult> found = directory.search(settings.groupBase(), filter, controls);
            while (found.hasMore()) {
                SearchResult group = found.next();
                groups.add(new LdapGroup(new LdapName(group.getNameInNamespace()),
                        values(group.getAttributes().get(settings.groupNameAttribute()))));
            }
            return groups;
        });
    }

    private interface Search<T> {
        T run(DirContext directory) throws NamingException;
    }

    private <T> T withServiceAccount(Search<T> search) {
        DirContext directory;
        try {
            directory = connect(settings.bindDn(), settings.bindPassword());
        } catch (NamingException e) {
            throw new LdapUnavailableException("connecting " + settings.bindDn().map(dn -> "as " + dn).orElse("anonymously")
                    + " failed: " + reason(e), e);
        }
        try {
            return search.run(directory);
        } catch (NamingException e) {
            throw new LdapUnavailableException("search failed: " + reason(e), e);
        } finally {
            closeQuietly(directory);
        }
    }

    private DirContext connect(Optional<String> dn, Optional<String> password) throws NamingException {
        var env = new Hashtable<String, String>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, settings.url());
        env.put(Context.REFERRAL, "ignore");
        env.put("com.sun.jndi.ldap.connect.timeout", String.valueOf(settings.connectTimeout().toMillis()));
        env.put("com.sun.jndi.ldap.read.timeout", String.valueOf(settings.readTimeout().toMillis()));
        if (dn.isPresent() && password.isPresent()) {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, dn.get());
            env.put(Context.SECURITY_CREDENTIALS, password.get());
        } else {
            env.put(Context.SECURITY_AUTHENTICATION, "none");
        }
        return new InitialDirContext(env);
    }

    private SearchControls controls(int countLimit, String attribute) {
        return new SearchControls(SearchControls.SUBTREE_SCOPE, countLimit,
                (int) settings.readTimeout().toMillis(), new String[] {attribute}, false, false);
    }

    private static Set<String> values(Attribute attribute) throws NamingException {
        if (attribute == null) {
            return Set.of();
        }
        List<String> values = new ArrayList<>();
        NamingEnumeration<?> all = attribute.getAll();
        while (all.hasMore()) {
            values.add(String.valueOf(all.next()));
        }
        return Set.copyOf(values);
    }

    /** JNDI's own message is often just "host:port"; the root cause says what went wrong (refused, certificate, ...). */
    private static String reason(NamingException e) {
        return e.getMessage() + (e.getRootCause() == null ? "" : " (" + e.getRootCause() + ")");
    }

    private static void closeQuietly(DirContext directory) {
        try {
            directory.close();
        } catch (NamingException e) {
            // the connection is gone either way
        }
    }
}
