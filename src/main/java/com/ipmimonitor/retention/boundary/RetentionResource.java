package com.ipmimonitor.retention.boundary;

import com.ipmimonitor.rest.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/retention: the settings and this instance's last purge; POST /api/retention/run (admin): purge now and
 * answer what was deleted (409 while a purge of this instance runs), e.g. after lowering a retention.
 */
@Path("retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    Retention retention;

    @GET
    public Map<String, Object> settings() {
        var s = retention.settings();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sensor_retention_days", s.sensorDays());
        body.put("event_retention_days", s.eventDays());
        body.put("alert_retention_days", s.alertDays());
        body.put("batch_size", s.batchSize());
        body.put("max_batches", s.maxBatches());
        body.put("batch_pause_ms", s.pause().toMillis());
        body.put("last_run", retention.findLastRun().orElse(null));
        return body;
    }

    @POST
    @Path("run")
    @RolesAllowed("admin")
    public RetentionRun run() {
        return retention.runNow()
                .orElseThrow(() -> ApiError.of(Response.Status.CONFLICT, "a purge is already running"));
    }
}
