package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.rest.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
 * POST /api/collect[?bmc_ip=]: poll now (at the next scheduler tick, within 5 s), admin only. The answer says what
 * will happen: the original's "Collection started [for <ip>]", or "waiting" with the lease that holds a server
 * back (whose, until when), or 409 for a disabled server, which is never polled.
 */
@Path("collect")
@Produces(MediaType.APPLICATION_JSON)
public class CollectResource {

    @Inject
    Servers servers;

    @Inject
    PollLeases leases;

    @Inject
    CollectionConfig config;

    @POST
    @RolesAllowed("admin")
    public Response collect(@QueryParam("bmc_ip") String bmcIp) {
        if (bmcIp == null || bmcIp.isBlank()) {
            return collectAll();
        }
        Server server = servers.findByBmcIp(bmcIp).orElseThrow(() -> ApiError.noServer(bmcIp));
        if (!server.isEnabled()) {
            throw ApiError.of(Response.Status.CONFLICT, "server " + bmcIp + " is disabled: enable it to poll it");
        }
        int queued = leases.makeDue(server.getId());
        // the original's status text, unless a lease of another instance holds the server: then "waiting" and why
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("status", "Collection started for " + bmcIp,
                "servers", queued));
        leases.findLease(server.getId()).ifPresent(lease -> {
            if (lease.owner().equals(config.instanceId())) {
                answer.put("message", "a poll of " + bmcIp + " is under way; the next one follows it");
            } else {
                answer.putAll(Map.of("status", "waiting", "lease_owner", lease.owner(), "lease_until", lease.until(),
                        "message", waitingFor(lease)));
            }
        });
        return Response.accepted(answer).build();
    }

    private Response collectAll() {
        int queued = leases.makeAllDue();
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("status", "Collection started", "servers", queued));
        List<PollLeases.Lease> others = leases.findLeases().stream()
                .filter(lease -> !lease.owner().equals(config.instanceId())).toList();
        if (!others.isEmpty()) {
            String latest = others.stream().map(PollLeases.Lease::until).max(String::compareTo).orElseThrow();
            answer.putAll(Map.of("waiting", others.size(), "message", others.size()
                    + " server(s) are leased by another instance: polled under way there, or that instance stopped"
                    + " without handing them back; they are polled when the lease ends, at the latest " + latest));
        }
        return Response.accepted(answer).build();
    }

    private static String waitingFor(PollLeases.Lease lease) {
        return "the server is leased by instance " + lease.owner() + " until " + lease.until()
                + ": a poll under way there, or that instance stopped without handing the lease back;"
                + " it is polled when the lease ends";
    }
}
