package com.ipmimonitor.observability.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One refresh's series as the bytes a scrape sends, plain and gzipped, made once per refresh: rendering the 30,000
 * samples of 1,000 servers (2.8 MB) on every scrape was the whole cost of /metrics, and every scrape between two
 * refreshes gets the same text anyway. Prometheus asks for gzip (Accept-Encoding), which is also 11x fewer bytes.
 */
public record ScrapeBody(byte[] plain, byte[] gzipped) {

    public static final ScrapeBody EMPTY = of(List.of());

    public static ScrapeBody of(List<MetricSample> samples) {
        byte[] plain = PrometheusText.render(samples).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(plain.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: never
        }
        return new ScrapeBody(plain, zipped.toByteArray());
    }

    /** Whether an Accept-Encoding header allows gzip (absent, "identity" or "gzip;q=0" do not). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return !(parts.length > 1 && parts[1].strip().replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }
}
