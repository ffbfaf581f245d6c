package com.ipmimonitor.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/**
 * The original API answered every change with {"status": "success", "message": ...}; scripts read those two.
 * This adds them to what this monitor answers (the changed server, counts, ...), so both kinds of client find
 * their fields in one object.
 */
public final class SuccessAnswer {

    private SuccessAnswer() {
    }

    /** {status: "success", message} plus the fields of body (any object the API serialises as a JSON object). */
    public static JsonObject of(String message, Object body) {
        JsonObjectBuilder answer = Json.createObjectBuilder();
        if (body != null) {
            try (var reader = Json.createReader(new StringReader(JsonConfiguration.JSONB.toJson(body)))) {
                answer.addAll(Json.createObjectBuilder(reader.readObject()));
            }
        }
        return answer.add("status", "success").add("message", message).build();
    }

    public static JsonObject of(String message) {
        return of(message, null);
    }
}
