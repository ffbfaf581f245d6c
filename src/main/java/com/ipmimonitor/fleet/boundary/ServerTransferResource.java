package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.control.ServerExport;
import com.ipmimonitor.fleet.control.ServerSpec;
import com.ipmimonitor.fleet.control.ServerSpecs;
import com.ipmimonitor.rest.ApiError;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Import and export of the server list (INI as in the original README, or JSON), admin only. An import is
 * all or nothing: any invalid entry rejects the whole file with line numbers, and nothing is written; servers
 * already monitored are updated, as the original did. Passwords are accepted on import and never exported.
 */
@Path("servers")
@RolesAllowed("admin")
public class ServerTransferResource {

    @Inject
    Servers servers;

    @Inject
    FleetChanges changes;

    @POST
    @Path("import")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, "text/*"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importServers(@QueryParam("format") @DefaultValue("auto") String format, String body) {
        return Response.ok(imported(changes.importText(body, format))).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * The original seeded its own hard-coded fleet here. This monitor has none: given a server list (as for
     * import), it imports that; without one it says so (400) rather than pretend to have added something.
     */
    @POST
    @Path("init-from-defaults")
    @Produces(MediaType.APPLICATION_JSON)
    public Response initFromDefaults(@QueryParam("format") @DefaultValue("auto") String format, String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "this monitor has no built-in server list: POST your"
                    + " servers (INI or JSON, as for /api/servers/import) to this path or to /api/servers/import");
        }
        return importServers(format, body);
    }

    /** The original's answer (status, added, updated, errors) and this monitor's (imported: servers written). */
    private static Map<String, Object> imported(FleetChanges.Imported imported) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("added", imported.added());
        answer.put("updated", imported.updated());
        answer.put("errors", List.of()); // all or nothing: an import with errors is a 400 that lists them
        answer.put("imported", imported.written());
        return answer;
    }

    @GET
    @Path("export")
    public Response export(@QueryParam("format") @DefaultValue("json") String format) {
        List<ServerSpec> specs = servers.all().stream().map(ServerSpecs::of).toList();
        return switch (format) {
            case "json" -> Response.ok(ServerExport.toJson(specs), MediaType.APPLICATION_JSON)
                    .header("Content-Disposition", "attachment; filename=\"servers.json\"").build();
            case "ini" -> Response.ok(ServerExport.toIni(specs), "text/plain; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"servers.ini\"").build();
            default -> throw ApiError.of(Response.Status.BAD_REQUEST, "format must be ini or json");
        };
    }
}
