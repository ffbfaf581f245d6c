package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.control.CrossSiteRule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses every state-changing request another site or another port started (CrossSiteRule): 403 with a JSON
 * error before any servlet, JAX-RS resource or JSF view runs, so routes added later are covered too. It must be a
 * filter: a request of a signed-in session is let through by the container (AutoApplySession) without asking the
 * authentication mechanism. The mechanism applies the same rule before it checks credentials (FormOrBasicMechanism),
 * so that a forged sign-in neither signs in nor counts as a failure.
 */
@WebFilter(urlPatterns = "/*")
public class CrossSiteRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final CrossSiteRule RULE = new CrossSiteRule(List.of(
            // behind a reverse proxy the request's scheme and Host may differ from the browser's address bar: the
            // configured public addresses of the app count as its own origin too
            ConfigProvider.getConfig().getOptionalValue("alert.base.url", String.class).orElse(""),
            ConfigProvider.getConfig().getOptionalValue("oidc.redirect.uri", String.class).orElse("")));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> refusal = refusal(request);
        if (refusal.isPresent()) {
            refuse(response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request is refused as cross-site, or empty. */
    static Optional<String> refusal(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return RULE.refusal(new CrossSiteRule.Request(request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()), request.getScheme(),
                host != null ? host : request.getServerName() + ":" + request.getServerPort(),
                request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), request.getContentType(),
                request.getHeader("Accept")));
    }

    /** 403 with the reason, one of CrossSiteRule's fixed texts (nothing of the request is echoed). */
    static void refuse(HttpServletResponse response, String reason) {
        try {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + reason + "\",\"details\":[]}");
        } catch (IOException ignored) {
            // the client went away
        }
    }
}
