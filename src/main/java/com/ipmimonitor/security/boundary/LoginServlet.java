package com.ipmimonitor.security.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * /login shows the sign-in form (the POST itself is checked by FormOrBasicMechanism and lands here only
 * when it succeeded); /logout ends the session.
 */
@WebServlet(urlPatterns = {"/login", "/logout"})
@DeclareRoles({"admin"})
public class LoginServlet extends HttpServlet {

    @Inject
    @ConfigProperty(name = "app.name")
    String appName;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (request.getServletPath().equals("/logout")) {
            request.logout();
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(LoginPage.render(appName, request.getParameter("error") != null,
                localPath(request.getParameter("next"))));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
