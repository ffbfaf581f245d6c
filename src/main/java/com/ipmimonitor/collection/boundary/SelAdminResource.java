package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.events.boundary.SystemEvents;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.rest.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Destructive SEL actions, admin only (see SelClearing); clearing a BMC's SEL never touches stored history. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class SelAdminResource {

    @Inject
    Servers servers;

    @Inject
    SelClearing clearing;

    @Inject
    SystemEvents events;

    @POST
    @Path("server/{bmcIp}/clear_sel")
    public Response clearSel(@PathParam("bmcIp") String bmcIp) {
        SelClearResult result = clearing.clear(server(bmcIp))
                .orElseThrow(() -> ApiError.of(Response.Status.CONFLICT, "a poll of " + bmcIp + " is running; try again"));
        return Response.status(result.cleared() ? Response.Status.OK : Response.Status.BAD_GATEWAY)
                .entity(answer(result)).build();
    }

    /** The original's summary (status "completed", cleared, failed, details) and each server's result. */
    @POST
    @Path("clear_all_sel")
    public Map<String, Object> clearAll() {
        List<SelClearResult> results = clearing.clearAll();
        List<String> succeeded = results.stream().filter(SelClearResult::cleared).map(SelClearResult::bmcIp).toList();
        List<Map<String, String>> failed = results.stream().filter(r -> !r.cleared())
                .map(r -> Map.of("bmc_ip", r.bmcIp(), "error", r.message())).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "completed");
        answer.put("cleared", succeeded.size());
        answer.put("failed", failed.size());
        answer.put("details", Map.of("success", succeeded, "failed", failed));
        answer.put("results", results.stream().map(SelAdminResource::answer).toList());
        return answer;
    }

    @POST
    @Path("server/{bmcIp}/clear_db_events")
    public Map<String, Object> clearDbEvents(@PathParam("bmcIp") String bmcIp) {
        Server server = server(bmcIp);
        int deleted = events.deleteOf(server.getId());
        return Map.of("status", "success", "message", "Deleted " + deleted + " stored events of " + bmcIp,
                "bmc_ip", bmcIp, "deleted_events", deleted);
    }

    /** One server's result with the original's status ("success" / "error") and output (what was done). */
    private static Map<String, Object> answer(SelClearResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", result.cleared() ? "success" : "error");
        answer.put("message", result.message());
        answer.put("output", result.message());
        answer.put("bmc_ip", result.bmcIp());
        answer.put("cleared", result.cleared());
        return answer;
    }

    private Server server(String bmcIp) {
        return servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.noServer(bmcIp));
    }
}
