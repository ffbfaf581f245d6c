package com.ipmimonitor.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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

    /** Only paths of this application: the original redirected to any ?next= (an open redirect). */
    static String localPath(String next) {
        // browsers drop tabs and newlines from URLs, so "/\t/evil.com" would become "//evil.com"
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }
}
