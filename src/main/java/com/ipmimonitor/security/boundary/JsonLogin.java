package com.ipmimonitor.security.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON form of POST /login that the original's scripts use. Only a body declared application/json is read
 * this way: a cross-site HTML form cannot send that type without the browser asking first (CORS preflight).
 */
final class JsonLogin {

    /** A sign-in body is two short strings; anything longer is not one. */
    static final int MAX_BODY = 16 * 1024;

    private JsonLogin() {
    }

    static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
    }

    /** username and password of the body, empty when it is not a JSON object with both as strings. */
    static Optional<UsernamePasswordCredential> credential(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                return Optional.empty();
            }
            return parse(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<UsernamePasswordCredential> parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject login = reader.readObject();
            if (login.get("username") instanceof JsonString user && login.get("password") instanceof JsonString pass) {
                return Optional.of(new UsernamePasswordCredential(user.getString(), pass.getString()));
            }
            return Optional.empty();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    static AuthenticationStatus answer(HttpServletResponse response, int status, String error) {
        try {
            response.setStatus(status);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("error", error).build().toString());
        } catch (IOException ignored) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
