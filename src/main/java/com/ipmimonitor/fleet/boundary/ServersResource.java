package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.control.ServerInput;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.web.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Path("servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServersResource {

    @Inject
    Servers servers;

    @Inject
    FleetOverview overview;

    @GET
    public List<ServerView> list(@QueryParam("hours") @DefaultValue("24") int hours) {
        if (hours < 1 || hours > 24 * 366) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "hours must be between 1 and 8784");
        }
        return overview.servers(hours);
    }

    @POST
    @Path("add")
    @RolesAllowed("admin")
    public Response add(ServerRequest request) {
        if (request == null) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "a JSON body with bmc_ip is required");
        }
        List<String> problems = ServerInput.problems(request.bmcIp, request.port, request.serverName, request.serverIp);
        if (!problems.isEmpty()) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "invalid server", problems);
        }
        if (servers.findByBmcIp(request.bmcIp).isPresent()) {
            throw ApiError.of(Response.Status.CONFLICT, "a server with bmc_ip " + request.bmcIp + " already exists");
        }
        Server server = new Server(request.bmcIp, blankTo(request.serverName, request.bmcIp));
        server.setBmcPort(request.port == null ? Server.DEFAULT_PORT : request.port);
        server.setServerIp(request.serverIp);
        server.setEnabled(request.enabled == null || request.enabled);
        server.setNvidia(Boolean.TRUE.equals(request.useNvidiaPassword));
        server.setIpmiUser(request.ipmiUser);
        server.setIpmiPassword(request.ipmiPass);
        server.setCipherSuite(request.cipherSuite);
        server.setNotes(request.notes);
        Server added = servers.add(server);
        return Response.status(Response.Status.CREATED)
                .entity(ServerView.of(added, Optional.empty(), Map.of())).build();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
