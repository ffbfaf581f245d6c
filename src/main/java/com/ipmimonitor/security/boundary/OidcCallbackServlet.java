package com.ipmimonitor.security.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /login/oidc/callback after OidcSignIn signed the caller in: on to the page the sign-in started from.
 * (A failed sign-in never gets here: the mechanism has already sent the browser to /login?error.)
 */
@WebServlet(OidcSignIn.CALLBACK_PATH)
public class OidcCallbackServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object next = request.getAttribute(OidcSignIn.NEXT_ATTRIBUTE);
        response.sendRedirect(request.getContextPath() + LoginServlet.localPath(next instanceof String s ? s : null));
    }
}
