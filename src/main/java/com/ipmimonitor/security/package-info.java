/**
 * Container security: the built-in admin identity store, an optional LDAP identity store (directory groups mapped to the admin role, JNDI in control), one mechanism that takes HTTP Basic on the API, a login form for people and optionally OpenID Connect sign-in (authorization code flow with PKCE, ID token checked in control, groups claim mapped to the admin role), @RolesAllowed enforcement with JSON answers, and the cipher of credentials at rest (boundary.CredentialCipher: BMC passwords, alert channel URLs and tokens).
 */
package com.ipmimonitor.security;
