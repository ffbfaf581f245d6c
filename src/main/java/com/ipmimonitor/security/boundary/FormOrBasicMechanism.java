package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.control.CrossSiteRule;
import com.ipmimonitor.security.control.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * HTTP Basic for scripts on /api, a login form for people everywhere else, and, when configured, sign-in
 * through an OpenID Connect provider (OidcSignIn). Jakarta Security 3 (EE 10) allows one mechanism per
 * application, so this one picks by request. Form and OIDC sign-ins are kept in the session.
 * Repeated failures of one user name from one client lock that pair for a while, and failures of one user name
 * from anywhere make it wait longer and longer (LoginThrottle): 429 with Retry-After on the API, a message on the
 * sign-in page.
 * A state-changing request started by another site or port is refused here before any credential is checked
 * (CrossSiteRequests), so that a forged sign-in neither signs in nor locks a user name out.
 */
@ApplicationScoped
@AutoApplySession
public class FormOrBasicMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PATH = "/login";
    static final String REALM = "ipmi-monitor";
    static final String BROWSER_SIGN_IN = "authentication required: sign in at /login (HTTP Basic is for scripts)";

    @Inject
    IdentityStoreHandler identityStore;

    @Inject
    OidcSignIn oidc;

    private final LoginThrottle throttle = new LoginThrottle(
            ConfigProvider.getConfig().getValue("login.max.failures", Integer.class),
            Duration.ofMinutes(ConfigProvider.getConfig().getValue("login.lockout.minutes", Integer.class)));

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<String> crossSite = CrossSiteRequests.refusal(request);
        if (crossSite.isPresent()) {
            // before any credential is checked: a forged sign-in must neither sign in nor count as a failure
            CrossSiteRequests.refuse(response, crossSite.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<UsernamePasswordCredential> basic = basicCredential(request);
        if (basic.isPresent()) {
            return login(basic.get(), request, context, () -> unauthorized(request, response),
                    wait -> tooManyFailures(response, wait));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (oidc.handles(path)) {
            return oidc.validateRequest(path, request, response, context);
        }
        if (LOGIN_PATH.equals(path) && "POST".equals(request.getMethod()) && JsonLogin.isJson(request)) {
            return jsonLogin(request, response, context);
        }
        if (LOGIN_PATH.equals(path) && "POST".equals(request.getMethod())) {
            var form = new UsernamePasswordCredential(String.valueOf(request.getParameter("username")),
                    String.valueOf(request.getParameter("password")));
            String again = request.getContextPath() + LOGIN_PATH + "?next="
                    + URLEncoder.encode(LoginServlet.localPath(request.getParameter("next")), StandardCharsets.UTF_8);
            AuthenticationStatus status = login(form, request, context, () -> redirect(response, again + "&error"),
                    wait -> redirect(response, again + "&locked=" + Math.max(1, wait.toMinutes() + 1)));
            if (status == AuthenticationStatus.SUCCESS && request.getSession(false) != null) {
                request.changeSessionId(); // a session id known before sign-in must not become an admin's (fixation)
            }
            return status;
        }
        if (path.startsWith("/api/") && AdminApi.requiresAdmin(request.getMethod(), path)) {
            // answered here: a 401 raised later by JAX-RS makes Payara fail the response with a 500
            return unauthorized(request, response);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        // with a provider configured, people sign in there; /login still takes the built-in admin and LDAP users
        String signIn = oidc.enabled() ? OidcSignIn.START_PATH : LOGIN_PATH;
        return redirect(response, request.getContextPath() + signIn + "?next=" + path);
    }

    /**
     * The original's scripted sign-in: POST /login with a JSON body {username, password}; through the same identity
     * stores and throttle as the form. Success goes on to LoginServlet (200 JSON) with a new session; failures
     * answer here: 401 {"error": "Invalid credentials"}, 429 when locked, 400 when the body is not such an object.
     */
    private AuthenticationStatus jsonLogin(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) {
        Optional<UsernamePasswordCredential> credential = JsonLogin.credential(request);
        if (credential.isEmpty()) {
            return JsonLogin.answer(response, HttpServletResponse.SC_BAD_REQUEST,
                    "a JSON object with username and password is required");
        }
        AuthenticationStatus status = login(credential.get(), request, context,
                () -> JsonLogin.answer(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid credentials"),
                wait -> tooManyFailures(response, wait));
        if (status == AuthenticationStatus.SUCCESS && request.getSession(false) != null) {
            request.changeSessionId(); // as for the form: no session id known before sign-in becomes an admin's
        }
        return status;
    }

    /** Checks the credential unless its user name must wait, for this client or everywhere (LoginThrottle). */
    private AuthenticationStatus login(UsernamePasswordCredential credential, HttpServletRequest request,
                                       HttpMessageContext context, Supplier<AuthenticationStatus> onFailure,
                                       Function<Duration, AuthenticationStatus> onLocked) {
        String client = request.getRemoteAddr();
        Optional<Duration> locked = throttle.lockedFor(client, credential.getCaller());
        if (locked.isPresent()) {
            return onLocked.apply(locked.get());
        }
        CredentialValidationResult result = identityStore.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(client, credential.getCaller());
            return context.notifyContainerAboutLogin(result);
        }
        throttle.failed(client, credential.getCaller());
        return onFailure.get();
    }

    private static AuthenticationStatus tooManyFailures(HttpServletResponse response, Duration wait) {
        try {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            response.setStatus(429);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"too many failed sign-ins; try again later\",\"details\":[]}");
        } catch (IOException ignored) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Optional<UsernamePasswordCredential> basicCredential(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** 401; the Basic challenge only for clients that are not browsers (CrossSiteRule.fromBrowser). */
    static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response) {
        try {
            boolean browser = CrossSiteRule.fromBrowser(request.getHeader("Sec-Fetch-Mode"), request.getHeader("Origin"),
                    request.getHeader("Accept"));
            if (!browser) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(browser ? "{\"error\":\"" + BROWSER_SIGN_IN + "\",\"details\":[]}"
                    : "{\"error\":\"Admin authentication required\",\"details\":[]}");
        } catch (IOException ignored) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
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
