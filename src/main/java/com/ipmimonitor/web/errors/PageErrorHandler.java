package com.ipmimonitor.web.errors;

import com.ipmimonitor.database.boundary.DatabaseOutage;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * Two failures of a page that are nobody's bug, answered without a stack trace or an exception's name:
 * <ul>
 * <li>a POST whose view is gone (the session timed out, the page was open across a restart, or the ViewState
 * was forged: ViewExpiredException) or whose CSP nonce does not match the view's (CspException) reloads the page
 * the browser shows, with a notice ({@link PageNotice}) to repeat the action; nothing of the POST was done;</li>
 * <li>the database out of reach answers 503 with a plain page (web.xml error-page), an ajax request by
 * reloading the page into it.</li>
 * </ul>
 * Anything else goes on to the default handler and web.xml's generic error page.
 */
class PageErrorHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PageErrorHandler.class.getName());

    PageErrorHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (context != null && events.hasNext()) {
            Throwable error = events.next().getContext().getException();
            if (isStaleView(error)) {
                LOG.info("page " + context.getExternalContext().getRequestServletPath() + " reloaded: " + error.getClass().getSimpleName());
                drainOthers();
                respond(context, () -> reload(context));
                return;
            }
            if (DatabaseOutage.isCauseOf(error)) {
                LOG.warning("page " + context.getExternalContext().getRequestServletPath()
                        + " answered 503, the database is unavailable: " + rootOf(error));
                drainOthers();
                respond(context, () -> unavailable(context));
                return;
            }
        }
        getWrapped().handle();
    }

    static boolean isStaleView(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException || t instanceof CspException) {
                return true;
            }
        }
        return false;
    }

    private interface Answer {
        void send() throws IOException;
    }

    private void respond(FacesContext context, Answer answer) {
        try {
            answer.send();
        } catch (IOException | IllegalStateException e) {
            LOG.warning("could not answer the failed page request: " + e); // the client went away or it was committed
        }
        context.responseComplete();
    }

    /** The exceptions queued after the one answered are its consequences; answered too. */
    private void drainOthers() {
        Iterator<ExceptionQueuedEvent> rest = getUnhandledExceptionQueuedEvents().iterator();
        while (rest.hasNext()) {
            rest.next();
            rest.remove();
        }
    }

    private static void reload(FacesContext context) throws IOException {
        ExternalContext external = context.getExternalContext();
        external.getSessionMap().put(PageNotice.RELOADED, Boolean.TRUE);
        if (!external.isResponseCommitted()) {
            external.responseReset();
        }
        external.redirect(PageNotice.pageOf(external));
    }

    private static void unavailable(FacesContext context) throws IOException {
        ExternalContext external = context.getExternalContext();
        if (context.getPartialViewContext().isAjaxRequest()) {
            // an ajax answer is read by PrimeFaces' script, which shows no error page: load the page itself
            external.redirect(PageNotice.pageOf(external));
            return;
        }
        external.responseReset();
        external.responseSendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, null);
    }

    private static String rootOf(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
