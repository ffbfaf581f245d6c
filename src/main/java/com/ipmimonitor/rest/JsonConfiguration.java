package com.ipmimonitor.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;

/** snake_case keys, as the original API and most script authors expect (bmc_ip, is_reachable, ...). */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

    /** The API's one JSON-B configuration, also for answers built by hand (SuccessAnswer). */
    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    /** The JSON the API writes for this value, as UTF-8: for answers kept and sent again as bytes. */
    public static byte[] utf8(Object value) {
        return JSONB.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
