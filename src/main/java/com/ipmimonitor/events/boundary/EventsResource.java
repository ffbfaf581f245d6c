package com.ipmimonitor.events.boundary;

import com.ipmimonitor.rest.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** GET /api/events (filters, paging), its CSV export and the event type summary. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    EventQueries queries;

    @Inject
    EventCsvExport export;

    @GET
    @Path("events")
    public List<EventView> events(@QueryParam("severity") String severity, @QueryParam("server") String server,
                                  @QueryParam("bmc_ip") String bmcIp,
                                  @QueryParam("q") String text, @QueryParam("hours") Integer hours,
                                  @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        return queries.find(filter(severity, oneServer(server, bmcIp), text, hours, limit, offset, 100));
    }

    @GET
    @Path("events/export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("severity") String severity, @QueryParam("server") String server,
                        @QueryParam("bmc_ip") String bmcIp,
                        @QueryParam("q") String text, @QueryParam("hours") Integer hours) {
        EventFilter filter = filter(severity, oneServer(server, bmcIp), text, hours, null, null, 1);
        StreamingOutput body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            export.write(filter, writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"ipmi-events.csv\"").build();
    }

    @GET
    @Path("event_types")
    public List<EventQueries.EventType> eventTypes() {
        return queries.types();
    }

    /**
     * bmc_ip, as /api/collect and the server routes name a BMC, is taken for server (which also matches names): an
     * operator who wrote it got every server's events before, as if unfiltered.
     */
    private static String oneServer(String server, String bmcIp) {
        if (server != null && bmcIp != null && !server.equals(bmcIp)) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "invalid filter",
                    List.of("server and bmc_ip name different servers; give one of them"));
        }
        return server != null ? server : bmcIp;
    }

    private static EventFilter filter(String severity, String server, String text, Integer hours, Integer limit,
                                      Integer offset, int defaultLimit) {
        List<String> problems = new ArrayList<>();
        EventFilter filter = EventFilter.parse(severity, server, text, hours, limit, offset, defaultLimit, problems);
        if (!problems.isEmpty()) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "invalid filter", problems);
        }
        return filter;
    }
}
