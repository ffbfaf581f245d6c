package com.ipmimonitor.observability.boundary;

import com.ipmimonitor.observability.control.ScrapeBody;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * GET /metrics: the fleet series in Prometheus text format, exactly what a default scrape expects.
 * Payara's own MicroProfile Metrics endpoint moves to /mp-metrics (post-boot command baked into the
 * uber-jar): on the bare /metrics path Payara 6.2025.10 prints base and vendor samples twice, which
 * Prometheus rejects as duplicate series.
 */
@WebServlet("/metrics")
public class PrometheusServlet extends HttpServlet {

    @Inject
    FleetMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Vary", "Accept-Encoding");
        ScrapeBody body = metrics.scrape();
        byte[] bytes = body.plain();
        if (ScrapeBody.acceptsGzip(request.getHeader("Accept-Encoding"))) {
            response.setHeader("Content-Encoding", "gzip");
            bytes = body.gzipped();
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
