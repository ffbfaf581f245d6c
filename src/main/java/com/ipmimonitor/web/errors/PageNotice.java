package com.ipmimonitor.web.errors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * #{pageNotice.reloaded}: the page template's notice that a POST found its page out of date and the page was
 * reloaded instead (PageErrorHandler). Kept in the session for one page view, the one after the redirect.
 */
@Named
@RequestScoped
public class PageNotice {

    static final String RELOADED = "ipmimon.pageReloaded";

    private boolean reloaded;

    @PostConstruct
    void take() {
        Map<String, Object> session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        reloaded = session.remove(RELOADED) != null;
    }

    public boolean isReloaded() {
        return reloaded;
    }

    /**
     * The page the browser shows: the path and query of the Referer (sent for same-origin requests, see
     * Referrer-Policy), which a POST's own URL is not for pages reached through PageRoutes (/server/{bmc_ip});
     * else the URL posted to. Only a path is taken, so the redirect never leaves this site.
     */
    static String pageOf(ExternalContext external) {
        String referer = external.getRequestHeaderMap().get("Referer");
        String context = external.getRequestContextPath();
        if (referer != null) {
            try {
                URI uri = new URI(referer);
                String path = uri.getRawPath();
                if (path != null && path.startsWith(context.isEmpty() ? "/" : context + "/") && !path.startsWith("//")) {
                    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (URISyntaxException e) {
                // not a URL: the fallback below
            }
        }
        String servletPath = external.getRequestServletPath();
        return context + (servletPath == null || servletPath.isEmpty() ? "/" : servletPath);
    }
}
