package com.ipmimonitor.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLoginTest {

    @Test
    void theOriginalsScriptedLoginBodyGivesTheCredential() {
        var credential = JsonLogin.parse("{\"username\":\"admin\",\"password\":\"p:ss \\\"word\\\"\"}").orElseThrow();
        assertEquals("admin", credential.getCaller());
        assertEquals("p:ss \"word\"", credential.getPasswordAsString());
    }

    @Test
    void anythingElseIsNoCredential() {
        for (String body : List.of("", "username=admin&password=x", "[]", "\"admin\"", "{\"username\":\"admin\"}",
                "{\"username\":\"admin\",\"password\":null}", "{\"username\":1,\"password\":\"x\"}",
                "{\"username\":\"admin\",\"password\":\"x\"", "{\"username\":\"admin\",\"password\":[\"x\"]}")) {
            assertTrue(JsonLogin.parse(body).isEmpty(), body);
        }
    }
}
