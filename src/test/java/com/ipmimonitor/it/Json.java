package com.ipmimonitor.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Optional;

/** Small JSON helpers for the HTTP tests. */
final class Json {

    private Json() {
    }

    static JsonArray array(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }

    static JsonObject object(String body) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static Optional<JsonObject> serverByBmcIp(JsonArray servers, String bmcIp) {
        return servers.stream().map(v -> v.asJsonObject()).filter(o -> o.getString("bmc_ip").equals(bmcIp)).findFirst();
    }
}
