package com.ipmimonitor.security.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminApiTest {

    @Test
    void credentialSettingsAreAdminOnlyEvenToRead() {
        assertTrue(AdminApi.requiresAdmin("GET", "/api/config/servers"));
        assertTrue(AdminApi.requiresAdmin("GET", "/api/config/server/10.0.0.1"));
        assertTrue(AdminApi.requiresAdmin("POST", "/api/config/bulk"));
    }

    @Test
    void theFleetStaysReadableByVisitors() {
        assertFalse(AdminApi.requiresAdmin("GET", "/api/servers"));
        assertFalse(AdminApi.requiresAdmin("GET", "/api/servers/managed"));
        assertFalse(AdminApi.requiresAdmin("GET", "/api/servers/10.0.0.1"));
        assertTrue(AdminApi.requiresAdmin("GET", "/api/servers/export"));
        assertTrue(AdminApi.requiresAdmin("POST", "/api/servers/init-from-defaults"));
    }
}
