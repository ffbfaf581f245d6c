package com.ipmimonitor.web.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long an idle session is kept: web.xml's session-timeout (60 min) once someone is signed in, but only
 * session.anonymous.timeout.minutes (10) while nobody is. The dashboard creates no session at all; the server and
 * alerts pages still keep their view state in one, and a visitor who looked once must not cost memory for an hour.
 */
@WebFilter(urlPatterns = "/*")
public class SessionLifetime extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private int anonymousSeconds;
    private int signedInSeconds;

    @Override
    public void init() {
        anonymousSeconds = 60 * ConfigProvider.getConfig().getValue("session.anonymous.timeout.minutes", Integer.class);
        signedInSeconds = 60 * getServletContext().getSessionTimeout();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (session != null) {
                try {
                    session.setMaxInactiveInterval(secondsFor(request.getUserPrincipal() != null));
                } catch (IllegalStateException invalidated) {
                    // signed out during this request: nothing left to keep
                }
            }
        }
    }

    int secondsFor(boolean signedIn) {
        return signedIn ? signedInSeconds : Math.min(anonymousSeconds, signedInSeconds);
    }
}
