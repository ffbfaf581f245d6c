/**
 * Container security: the built-in admin identity store, an optional LDAP identity store (directory groups mapped to the admin role, JNDI in control), one mechanism that takes HTTP Basic on the API and a login form for people, and @RolesAllowed enforcement with JSON answers.
 */
package com.ipmimonitor.security;
