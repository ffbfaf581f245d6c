package com.ipmimonitor.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the sign-in page needs from the request: whether the last attempt failed and where to go after. */
@Named
@RequestScoped
public class LoginForm {

    @Inject
    OidcSignIn oidc;

    /** Whether to offer "sign in with your organisation" (an OpenID Connect provider is configured). */
    public boolean isOidc() {
        return oidc.enabled();
    }

    public String getOidcPath() {
        return OidcSignIn.START_PATH;
    }

    public boolean isFailed() {
        return param("error") != null;
    }

    /** Minutes until a locked user name may try again from this client (0 when not locked). */
    public int getLockedMinutes() {
        try {
            return Math.max(0, Integer.parseInt(String.valueOf(param("locked"))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The page to return to, never another site's. */
    public String getNext() {
        return LoginServlet.localPath(param("next"));
    }

    private static String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }
}
