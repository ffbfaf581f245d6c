package com.ipmimonitor.security.control;

/** A user the provider vouched for: the name shown (OIDC_CALLER_CLAIM, else sub) and whether they are admin. */
public record OidcCaller(String name, boolean admin) {
}
