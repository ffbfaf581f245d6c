package com.ipmimonitor.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Errors that never reach a JAX-RS exception mapper still answer JSON under /api. Jersey refuses some requests
 * itself with {@code sendError} (an unparseable Content-Type header, found by ApiFuzzIT), and Payara then renders
 * its HTML error page, which a script reading our API cannot parse.
 */
@WebFilter(urlPatterns = "/api/*")
public class ContainerErrorsAsJson extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new JsonErrors(response));
    }

    private static final class JsonErrors extends HttpServletResponseWrapper {

        JsonErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        /** The container's message may echo the request; the body says only what kind of refusal it is. */
        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            resetBuffer();
            setStatus(status);
            setContentType("application/json");
            setCharacterEncoding("UTF-8");
            getWriter().write("{\"error\":\"" + reason(status) + "\",\"details\":[]}");
            flushBuffer();
        }

        private static String reason(int status) {
            Response.Status known = Response.Status.fromStatusCode(status);
            return known == null ? "HTTP " + status : known.getReasonPhrase();
        }
    }
}
