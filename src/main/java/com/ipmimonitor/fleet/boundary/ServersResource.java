package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.control.ServerInput;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.web.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
        ApiError.requireHours(hours);
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

    @GET
    @Path("{bmcIp}")
    public ServerView one(@PathParam("bmcIp") String bmcIp) {
        return overview.servers(24).stream().filter(v -> v.bmcIp().equals(bmcIp)).findFirst()
                .orElseThrow(() -> ApiError.noServer(bmcIp));
    }

    /** Changes only the fields present in the body; "ipmi_pass": "" removes the server's own password. */
    @PUT
    @Path("{bmcIp}")
    @RolesAllowed("admin")
    public ServerView update(@PathParam("bmcIp") String bmcIp, ServerRequest request) {
        if (request == null) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "a JSON body is required");
        }
        Server server = servers.findByBmcIp(bmcIp)
                .orElseThrow(() -> ApiError.noServer(bmcIp));
        String newIp = request.bmcIp == null ? server.getBmcIp() : request.bmcIp;
        List<String> problems = ServerInput.problems(newIp, request.port, request.serverName, request.serverIp);
        if (!problems.isEmpty()) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "invalid server", problems);
        }
        if (!newIp.equals(bmcIp) && servers.findByBmcIp(newIp).isPresent()) {
            throw ApiError.of(Response.Status.CONFLICT, "a server with bmc_ip " + newIp + " already exists");
        }
        server.setBmcIp(newIp);
        if (request.port != null) { server.setBmcPort(request.port); }
        if (request.serverName != null && !request.serverName.isBlank()) { server.setName(request.serverName); }
        if (request.serverIp != null) { server.setServerIp(request.serverIp); }
        if (request.enabled != null) { server.setEnabled(request.enabled); }
        if (request.useNvidiaPassword != null) { server.setNvidia(request.useNvidiaPassword); }
        if (request.ipmiUser != null) { server.setIpmiUser(request.ipmiUser); }
        if (request.ipmiPass != null) { server.setIpmiPassword(request.ipmiPass); }
        if (request.cipherSuite != null) { server.setCipherSuite(request.cipherSuite); }
        if (request.notes != null) { server.setNotes(request.notes); }
        servers.update(server);
        return one(newIp);
    }

    @DELETE
    @Path("{bmcIp}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("bmcIp") String bmcIp) {
        if (!servers.delete(bmcIp)) {
            throw ApiError.noServer(bmcIp);
        }
        return Response.noContent().build();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
