package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.rest.ApiError;
import com.ipmimonitor.rest.SuccessAnswer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's credential settings routes, admin only, reads included: the original showed every BMC user name to
 * anyone. Passwords are write-only here as everywhere (has_ipmi_pass says whether one is stored).
 */
@Path("config")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ServerConfigResource {

    @Inject
    Servers servers;

    @Inject
    FleetChanges changes;

    @GET
    @Path("servers")
    public List<ServerConfigView> all() {
        return servers.all().stream().map(ServerConfigView::of).toList();
    }

    @GET
    @Path("server/{bmcIp}")
    public ServerConfigView one(@PathParam("bmcIp") String bmcIp) {
        return servers.findByBmcIp(bmcIp).map(ServerConfigView::of).orElseThrow(() -> ApiError.noServer(bmcIp));
    }

    @POST
    @Path("server/{bmcIp}")
    public JsonObject change(@PathParam("bmcIp") String bmcIp, ServerConfigRequest request) {
        if (request == null) {
            throw ApiError.of(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "a JSON body is required");
        }
        changes.update(bmcIp, request.asServerRequest());
        return SuccessAnswer.of("Configuration of " + bmcIp + " saved", one(bmcIp));
    }

    @PUT
    @Path("server/{bmcIp}")
    public JsonObject replace(@PathParam("bmcIp") String bmcIp, ServerConfigRequest request) {
        return change(bmcIp, request);
    }

    /** The same credentials for every server, or for the servers listed; all or nothing (an unknown one: 404). */
    @POST
    @Path("bulk")
    public Map<String, Object> bulk(ServerConfigRequest request) {
        if (request == null) {
            throw ApiError.of(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "a JSON body is required");
        }
        int updated = changes.updateCredentials(request.servers, request.ipmiUser, request.newPassword());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("updated", updated);
        return answer;
    }
}
