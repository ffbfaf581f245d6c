package com.ipmimonitor.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The pages' own addresses, as in the original: /server/{bmc_ip} and /settings, forwarded to their views.
 * (The settings constraint in web.xml covers both /settings and /settings.xhtml.)
 */
@WebServlet(urlPatterns = {"/server/*", "/settings"})
public class PageRoutes extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if ("/settings".equals(request.getServletPath())) {
            request.getRequestDispatcher("/settings.xhtml").forward(request, response);
            return;
        }
        String bmcIp = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        request.getRequestDispatcher("/server.xhtml?bmc_ip=" + URLEncoder.encode(bmcIp, StandardCharsets.UTF_8))
                .forward(request, response);
    }
}
