package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.control.OidcCaller;
import com.ipmimonitor.security.control.OidcException;
import com.ipmimonitor.security.control.OidcLogin;
import com.ipmimonitor.security.control.OidcLoginAttempt;
import com.ipmimonitor.security.control.OidcSettings;
import com.ipmimonitor.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The browser side of OpenID Connect sign-in (OIDC_PROVIDER_URI and friends), run by FormOrBasicMechanism:
 * GET /login/oidc?next=... sends the browser to the provider, /login/oidc/callback takes its answer, and a valid
 * ID token signs the caller in for the session (admin when its groups claim holds one of OIDC_ADMIN_GROUPS).
 * Off while OIDC_PROVIDER_URI is unset.
 */
@ApplicationScoped
public class OidcSignIn {

    static final String START_PATH = "/login/oidc";
    static final String CALLBACK_PATH = "/login/oidc/callback";
    /** Where OidcCallbackServlet sends the browser once signed in. */
    static final String NEXT_ATTRIBUTE = OidcSignIn.class.getName() + ".next";
    private static final String ATTEMPT_ATTRIBUTE = OidcSignIn.class.getName() + ".attempt";
    private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());

    private Optional<OidcSettings> settings = Optional.empty();
    private Optional<OidcLogin> login = Optional.empty();

    @PostConstruct
    void configure() {
        Config config = ConfigProvider.getConfig();
        settings = OidcSettings.from(name -> config.getOptionalValue(name, String.class));
        settings.ifPresent(s -> LOG.info("sign-in through " + s));
        login = settings.map(OidcLogin::new);
    }

    /** Reads the settings at startup: a mistake in them fails the deployment instead of the first sign-in. */
    void readSettingsAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> login.isPresent() ? "OIDC sign-in on" : "OIDC sign-in off (OIDC_PROVIDER_URI is not set)");
    }

    boolean enabled() {
        return login.isPresent();
    }

    boolean handles(String path) {
        return enabled() && (START_PATH.equals(path) || CALLBACK_PATH.equals(path));
    }

    AuthenticationStatus validateRequest(String path, HttpServletRequest request, HttpServletResponse response,
                                         HttpMessageContext context) {
        try {
            return START_PATH.equals(path) ? begin(request, response) : complete(request, response, context);
        } catch (OidcException e) {
            // the reason names what was wrong (state, signature, issuer, provider down), never a token or secret
            LOG.warning("OIDC sign-in failed: " + e.getMessage());
            return redirect(response, request.getContextPath() + FormOrBasicMechanism.LOGIN_PATH + "?error");
        }
    }

    private AuthenticationStatus begin(HttpServletRequest request, HttpServletResponse response) {
        OidcLoginAttempt attempt = login.orElseThrow().begin(redirectUri(request),
                LoginServlet.localPath(request.getParameter("next")));
        URI provider = login.orElseThrow().authorizationUri(attempt);
        request.getSession(true).setAttribute(ATTEMPT_ATTRIBUTE, attempt);
        return redirect(response, provider.toString());
    }

    private AuthenticationStatus complete(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        var session = request.getSession(false);
        Object attempt = session == null ? null : session.getAttribute(ATTEMPT_ATTRIBUTE);
        if (!(attempt instanceof OidcLoginAttempt started)) {
            throw new OidcException("no sign-in was started in this browser session");
        }
        // one answer per attempt: a replayed callback finds nothing
        session.removeAttribute(ATTEMPT_ATTRIBUTE);
        if (request.getParameter("error") != null) {
            throw new OidcException("the provider refused: " + request.getParameter("error"));
        }
        OidcCaller caller = login.orElseThrow().complete(started, request.getParameter("state"), request.getParameter("code"));
        // a new session id for the signed-in session (session fixation)
        request.changeSessionId();
        request.setAttribute(NEXT_ATTRIBUTE, started.next());
        return context.notifyContainerAboutLogin(caller.name(), caller.admin() ? Set.of(Role.ADMIN_NAME) : Set.of());
    }

    /** OIDC_REDIRECT_URI, or this app's callback as the request reached it (right without a reverse proxy). */
    private URI redirectUri(HttpServletRequest request) {
        return settings.orElseThrow().redirectUri().orElseGet(() -> URI.create(request.getScheme() + "://"
                + request.getServerName() + ":" + request.getServerPort() + request.getContextPath() + CALLBACK_PATH));
    }

    private static AuthenticationStatus redirect(HttpServletResponse response, String location) {
        try {
            response.sendRedirect(location);
        } catch (IOException ignored) {
            // the client went away
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
