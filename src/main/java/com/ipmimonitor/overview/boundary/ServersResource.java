package com.ipmimonitor.overview.boundary;

import com.ipmimonitor.fleet.boundary.FleetChanges;
import com.ipmimonitor.fleet.boundary.ServerRequest;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.rest.ApiError;
import com.ipmimonitor.rest.SuccessAnswer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServersResource {

    @Inject
    FleetChanges changes;

    @Inject
    FleetOverview overview;

    @Inject
    Servers servers;

    /** Bytes written once per reading of the fleet (FleetListing): JSON-B took a fifth of each request's CPU. */
    @GET
    public Response list(@QueryParam("hours") @DefaultValue("24") int hours) {
        ApiError.requireHours(hours);
        return Response.ok(overview.listing(hours).json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** 201 with the new server, plus the original's status, message and id. */
    @POST
    @Path("add")
    @RolesAllowed("admin")
    public Response add(String body) {
        Server added = changes.add(ServerRequest.fromJson(body));
        return Response.status(Response.Status.CREATED).entity(SuccessAnswer.of("Server " + added.getBmcIp() + " added",
                ServerView.added(added))).build();
    }

    /** The original's list of configured servers: what was entered, without poll results. */
    @GET
    @Path("managed")
    public List<ManagedServerView> managed() {
        return servers.all().stream().map(ManagedServerView::of).toList();
    }

    @GET
    @Path("{bmcIp}")
    public ServerView one(@PathParam("bmcIp") String bmcIp) {
        return overview.find(bmcIp, 24).orElseThrow(() -> ApiError.noServer(bmcIp));
    }

    /** Changes only the fields present in the body; "ipmi_pass": "" removes the server's own password. */
    @PUT
    @Path("{bmcIp}")
    @RolesAllowed("admin")
    public JsonObject update(@PathParam("bmcIp") String bmcIp, String body) {
        String changed = changes.update(bmcIp, ServerRequest.fromJson(body)).getBmcIp();
        return SuccessAnswer.of("Server " + changed + " updated", one(changed));
    }

    /** 200 with the original's {status, message} (it was 204 without a body, which a script's r.json() fails on). */
    @DELETE
    @Path("{bmcIp}")
    @RolesAllowed("admin")
    public JsonObject delete(@PathParam("bmcIp") String bmcIp) {
        changes.delete(bmcIp);
        return SuccessAnswer.of("Server " + bmcIp + " deleted");
    }
}
