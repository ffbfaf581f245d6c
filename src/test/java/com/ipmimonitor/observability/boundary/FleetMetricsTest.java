package com.ipmimonitor.observability.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.ipmimonitor.observability.control.MetricSample;
import com.ipmimonitor.observability.control.PrometheusText;
import com.ipmimonitor.observability.control.ScrapeBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetMetricsTest {

    private final FleetMetrics metrics = new FleetMetrics();

    @Test
    void aScrapeSendsWhatTheLastRefreshRenderedWithoutRenderingAgain() {
        List<MetricSample> samples = List.of(new MetricSample("ipmi_server_reachable", "BMC answered",
                Map.of("bmc_ip", "10.0.0.1", "server_name", "gpu-01"), 1));
        metrics.publish(samples);
        ScrapeBody scraped = metrics.scrape();
        assertSame(scraped, metrics.scrape(), "two scrapes between refreshes share one rendering");
        assertEquals(PrometheusText.render(samples), new String(scraped.plain(), StandardCharsets.UTF_8));

        metrics.publish(List.of());
        assertNotSame(scraped, metrics.scrape());
        assertEquals("", new String(metrics.scrape().plain(), StandardCharsets.UTF_8));
    }

    @Test
    void beforeTheFirstRefreshAScrapeIsEmpty() {
        assertEquals(0, new FleetMetrics().scrape().plain().length);
    }
}
