package com.ipmimonitor.redfish.boundary;

import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.redfish.entity.CertificatePin;
import com.ipmimonitor.rest.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/servers/{bmc_ip}/certificate: the pinned and any pending fingerprint of a Redfish BMC's certificate.
 * POST .../certificate/accept (admin; state-changing, so the cross-site filter applies as to every POST): trusts
 * the pending one, 409 when there is none.
 */
@Path("servers/{bmcIp}/certificate")
@Produces(MediaType.APPLICATION_JSON)
public class TrustedCertificatesResource {

    @Inject
    Servers servers;

    @Inject
    TrustedCertificates certificates;

    @GET
    public Map<String, Object> show(@PathParam("bmcIp") String bmcIp) {
        Server server = server(bmcIp);
        return answer(server, certificates.find(server.getId()));
    }

    @POST
    @Path("accept")
    @RolesAllowed("admin")
    public Map<String, Object> accept(@PathParam("bmcIp") String bmcIp) {
        Server server = server(bmcIp);
        if (!certificates.accept(server.getId())) {
            throw ApiError.of(Response.Status.CONFLICT, "no changed certificate of " + bmcIp + " is waiting to be accepted");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("message", "The new certificate of " + bmcIp + " is trusted; the BMC is polled again");
        answer.putAll(answer(server, certificates.find(server.getId())));
        return answer;
    }

    private static Map<String, Object> answer(Server server, Optional<CertificatePin> pin) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("bmc_ip", server.getBmcIp());
        answer.put("protocol", server.getProtocol().code());
        answer.put("pinned_sha256", pin.map(CertificatePin::pinnedSha256).orElse(null));
        answer.put("pinned_at", pin.map(p -> p.pinnedAt().toString()).orElse(null));
        answer.put("presented_sha256", pin.flatMap(CertificatePin::presentedSha256).orElse(null));
        answer.put("presented_at", pin.flatMap(CertificatePin::presentedAt).map(Object::toString).orElse(null));
        answer.put("pending", pin.map(CertificatePin::pending).orElse(false));
        return answer;
    }

    private Server server(String bmcIp) {
        return servers.findByBmcIp(bmcIp).orElseThrow(() -> ApiError.noServer(bmcIp));
    }
}
