package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.control.BodyLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Caps every request body (request.body.max.bytes, 1 MiB; request.body.import.max.bytes, 4 MiB, for the imports):
 * a declared length over the cap gets 413; a body of unknown length (HTTP/1.1 chunked, HTTP/2 without
 * content-length) is read up to the cap into memory (413 beyond it) and handed on from there, except that a chunked
 * one sent anywhere but the API gets 411: browsers always send a length, and the container would parse a form from
 * the unbounded stream. The refused rest of a body is read and dropped (at most DRAIN_BYTES), so that the client, which
 * may still be sending, gets to read the answer. Per-field limits are the input validation's; this bounds what one
 * request can make the server hold.
 */
@WebFilter(urlPatterns = "/*")
public class RequestBodyLimit extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long DRAIN_BYTES = 32L * 1024 * 1024;
    private static final java.util.Set<String> BODY_METHODS = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");

    private transient BodyLimit limit;

    @Override
    public void init() {
        var config = ConfigProvider.getConfig();
        limit = new BodyLimit(config.getValue("request.body.max.bytes", Long.class),
                config.getValue("request.body.import.max.bytes", Long.class));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long length = request.getContentLengthLong();
        if (limit.refuses(path, length)) {
            refuse(request, response, 413, "request body too large: at most " + limit.of(path) + " bytes");
            return;
        }
        if (length == -1 && BODY_METHODS.contains(request.getMethod())) {
            // a chunked body to a page: the container would parse a form from it; without Transfer-Encoding (a
            // bodyless POST such as a script's logout, or HTTP/2) what comes is read up to the cap below
            if (!path.startsWith("/api/") && request.getHeader("Transfer-Encoding") != null) {
                refuse(request, response, 411, "a request body needs a Content-Length here");
                return;
            }
            Optional<byte[]> body = BodyLimit.readAtMost(request.getInputStream(), limit.of(path));
            if (body.isEmpty()) {
                refuse(request, response, 413, "request body too large: at most " + limit.of(path) + " bytes");
                return;
            }
            chain.doFilter(new ReadBody(request, body.get()), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws IOException {
        if (!BodyLimit.skipAtMost(request.getInputStream(), DRAIN_BYTES)) {
            // more than we care to read: end the connection instead
            response.setHeader("Connection", "close");
        }
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(jakarta.json.Json.createObjectBuilder().add("error", error)
                .add("details", jakarta.json.Json.createArrayBuilder()).build().toString());
    }

    /** The request with its body already read (bounded) into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() throws java.io.UnsupportedEncodingException {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
