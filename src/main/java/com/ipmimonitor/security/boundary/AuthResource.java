package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.entity.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** GET /api/auth/status: who is asking, as the original answered it. */
@Path("auth/status")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record AuthStatus(boolean isAdmin, String username) {
    }

    @GET
    public AuthStatus status(@Context SecurityContext security) {
        var principal = security.getUserPrincipal();
        return new AuthStatus(principal != null && security.isUserInRole(Role.ADMIN_NAME),
                principal == null ? null : principal.getName());
    }
}
