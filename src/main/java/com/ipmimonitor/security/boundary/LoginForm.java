package com.ipmimonitor.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** What the sign-in page needs from the request: whether the last attempt failed and where to go after. */
@Named
@RequestScoped
public class LoginForm {

    public boolean isFailed() {
        return param("error") != null;
    }

    /** The page to return to, never another site's. */
    public String getNext() {
        return LoginServlet.localPath(param("next"));
    }

    private static String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }
}
