package com.ipmimonitor.redfish.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Lenient reads of Redfish JSON: BMCs leave properties out, send null, or a string where the schema says number,
 * so a missing or odd value is empty rather than an exception.
 */
final class JsonFields {

    private JsonFields() {
    }

    static Optional<String> string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (v instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        return Optional.empty();
    }

    static Optional<JsonObject> object(JsonObject o, String key) {
        return o.get(key) instanceof JsonObject child ? Optional.of(child) : Optional.empty();
    }

    static List<JsonObject> objects(JsonObject o, String key) {
        return o.get(key) instanceof JsonArray array
                ? array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()
                : List.of();
    }

    /** The strings of an array such as MessageArgs; empty when absent. */
    static List<String> strings(JsonObject o, String key) {
        return o.get(key) instanceof JsonArray array
                ? array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList()
                : List.of();
    }

    /** The "@odata.id" of a link property such as {"Systems": {"@odata.id": "/redfish/v1/Systems"}}. */
    static Optional<String> link(JsonObject o, String key) {
        return object(o, key).flatMap(JsonFields::odataId);
    }

    static Optional<String> odataId(JsonObject o) {
        return string(o, "@odata.id");
    }

    static OptionalDouble number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (v instanceof JsonString s) {
            try {
                return OptionalDouble.of(Double.parseDouble(s.getString().strip()));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    static Optional<Boolean> bool(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == JsonValue.TRUE) {
            return Optional.of(true);
        }
        return v == JsonValue.FALSE ? Optional.of(false) : Optional.empty();
    }

    static Optional<String> health(JsonObject o, String key) {
        return object(o, "Status").flatMap(status -> string(status, key));
    }

    /** Redfish DateTime (RFC 3339 with an offset); empty when absent or not a date, as some BMCs send "". */
    static Optional<Instant> instant(JsonObject o, String key) {
        return string(o, key).flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Id, or the last segment of @odata.id when a service leaves Id out. */
    static String id(JsonObject o) {
        return string(o, "Id").or(() -> odataId(o).map(JsonFields::lastSegment)).orElse("");
    }

    static String lastSegment(String uri) {
        String path = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
