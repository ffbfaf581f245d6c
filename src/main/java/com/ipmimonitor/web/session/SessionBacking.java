package com.ipmimonitor.web.session;

import com.ipmimonitor.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/** Who is looking at a page: the header's sign-in/sign-out and every "admin only" rendered= test. */
@Named
@RequestScoped
public class SessionBacking {

    public String getAppName() {
        return ConfigProvider.getConfig().getValue("app.name", String.class);
    }

    public boolean isSignedIn() {
        return request().getUserPrincipal() != null;
    }

    public boolean isAdmin() {
        return request().isUserInRole(Role.ADMIN_NAME);
    }

    public String getUser() {
        return isSignedIn() ? request().getUserPrincipal().getName() : "";
    }

    /** /login?next=<the page the visitor is on>, to come back after signing in. */
    public String getLoginUrl() {
        HttpServletRequest request = request();
        Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return request.getContextPath() + "/login?next=" + URLEncoder.encode(path.isEmpty() ? "/" : path, StandardCharsets.UTF_8);
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        request().logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/");
    }

    /** Refuses an admin action to anyone else, whatever the page showed them. */
    public static void requireAdmin() {
        if (!request().isUserInRole(Role.ADMIN_NAME)) {
            throw new SecurityException("admin role required");
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
