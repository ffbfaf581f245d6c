package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.control.CrossSiteRule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Map;

/**
 * Enforces @RolesAllowed on resource methods with JSON answers: 401 (with a Basic challenge, unless a browser
 * asks) when nobody is signed in, 403 when the caller lacks the role. The original left several admin endpoints open.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        RolesAllowed allowed = info.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = info.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            context.register(new RoleCheck(allowed.value()));
        }
    }

    record RoleCheck(String[] roles) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                boolean browser = CrossSiteRule.fromBrowser(request.getHeaderString("Sec-Fetch-Mode"),
                        request.getHeaderString("Origin"), request.getHeaderString("Accept"));
                var unauthorized = Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON);
                request.abortWith(browser
                        ? unauthorized.entity(Map.of("error", FormOrBasicMechanism.BROWSER_SIGN_IN)).build()
                        : unauthorized.header("WWW-Authenticate", "Basic realm=\"" + FormOrBasicMechanism.REALM + "\"")
                                .entity(Map.of("error", "Admin authentication required")).build());
            } else if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("error", "the admin role is required")).build());
            }
        }
    }
}
