package com.ipmimonitor.security.control;

/** A user the directory vouched for: the name typed at sign-in, the entry's DN, and whether they are admin. */
public record LdapCaller(String name, String dn, boolean admin) {
}
