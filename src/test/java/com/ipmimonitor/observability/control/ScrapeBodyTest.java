package com.ipmimonitor.observability.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ScrapeBodyTest {

    private final List<MetricSample> samples = List.of(
            new MetricSample("ipmi_server_reachable", "BMC answered", Map.of("bmc_ip", "10.0.0.1", "server_name", "gpu-ü"), 1),
            new MetricSample("ipmi_server_reachable", "BMC answered", Map.of("bmc_ip", "10.0.0.2", "server_name", "gpu-2"), 0));

    @Test
    void thePlainBodyIsTheRenderedTextInUtf8() {
        assertEquals(PrometheusText.render(samples), new String(ScrapeBody.of(samples).plain(), StandardCharsets.UTF_8));
    }

    @Test
    void theGzippedBodyUnpacksToThePlainOne() throws IOException {
        ScrapeBody body = ScrapeBody.of(samples);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body.gzipped()))) {
            assertArrayEquals(body.plain(), in.readAllBytes());
        }
    }

    @Test
    void gzipOnlyWhenTheClientAcceptsIt() {
        assertTrue(ScrapeBody.acceptsGzip("gzip"));
        assertTrue(ScrapeBody.acceptsGzip("deflate, GZIP;q=0.8"));
        assertTrue(ScrapeBody.acceptsGzip("*"));
        assertFalse(ScrapeBody.acceptsGzip(null));
        assertFalse(ScrapeBody.acceptsGzip("identity"));
        assertFalse(ScrapeBody.acceptsGzip("gzip;q=0"));
        assertFalse(ScrapeBody.acceptsGzip("gzip; q=0.0"));
        assertFalse(ScrapeBody.acceptsGzip("x-gzip2"));
    }
}
