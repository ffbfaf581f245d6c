package com.ipmimonitor.web.alerts;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The page's own address, /alerts, forwarded to its view (as PageRoutes does for /settings). */
@WebServlet("/alerts")
public class AlertsRoute extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.getRequestDispatcher("/alerts.xhtml").forward(request, response);
    }
}
