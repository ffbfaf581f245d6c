package com.ipmimonitor.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GET /login shows the sign-in page (login.xhtml); the POST is checked by FormOrBasicMechanism and lands here
 * only when it succeeded, to go on to ?next= (or, for the JSON sign-in of scripts, to a JSON answer). The pages
 * sign out with a JSF form (SessionBacking), which carries a view-state token; scripts use /logout (LogoutServlet).
 */
@WebServlet(urlPatterns = "/login")
@DeclareRoles({"admin"})
public class LoginServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/login.xhtml").forward(request, response);
    }

    /** A JSON sign-in (the original's scripted login) is answered in JSON; a form goes on to ?next=. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (JsonLogin.isJson(request)) {
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"status\":\"success\",\"message\":\"Logged in\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + localPath(request.getParameter("next")));
    }

    /**
     * Only paths of this application: the original redirected to any ?next= (an open redirect). The path is
     * normalised as a browser would read it ("/a/../b" is "/b"), so that what is checked is where the browser goes:
     * "/..//evil.example" is "//evil.example" to it, another host.
     */
    static String localPath(String next) {
        // browsers drop tabs and newlines from URLs, so "/\t/evil.com" would become "//evil.com"
        if (next == null || !next.startsWith("/") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        String path = withoutDotSegments(next);
        return path.startsWith("//") ? "/" : path;
    }

    /** RFC 3986 remove_dot_segments on the path part, with the %2e spellings browsers also read as dots. */
    private static String withoutDotSegments(String target) {
        int end = target.length();
        for (char c : new char[] {'?', '#'}) {
            int at = target.indexOf(c);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String[] segments = target.substring(1, end).split("/", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String dots = segments[i].toLowerCase(Locale.ROOT).replace("%2e", ".");
            boolean last = i == segments.length - 1;
            if (dots.equals("..") && !kept.isEmpty()) {
                kept.remove(kept.size() - 1);
            }
            if (dots.equals("..") || dots.equals(".")) {
                if (last) {
                    kept.add(""); // "/a/.." is "/", "/a/." is "/a/"
                }
            } else {
                kept.add(segments[i]);
            }
        }
        return "/" + String.join("/", kept) + target.substring(end);
    }
}
