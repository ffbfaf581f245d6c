package com.ipmimonitor.web.alerts;

import com.ipmimonitor.alerting.boundary.AlertChannelRejected;
import com.ipmimonitor.alerting.boundary.AlertChannels;
import com.ipmimonitor.alerting.boundary.AlertView;
import com.ipmimonitor.alerting.boundary.Alerts;
import com.ipmimonitor.alerting.boundary.ChannelView;
import com.ipmimonitor.alerting.entity.AlertState;
import com.ipmimonitor.alerting.entity.DeliveryFailure;
import com.ipmimonitor.web.session.SessionBacking;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * /alerts: firing and resolved alerts for everyone; acknowledging and the channels (add, delete, send a test)
 * for admins only. The page hides admin controls from visitors, and every admin action checks the role again.
 * Request-scoped on a stateless view, as the dashboard: a visitor's look leaves no session behind. The state shown
 * (which alerts) comes with each request from the form; row actions name their alert or channel by id (a request
 * parameter), never by row, since the list is read again for every request.
 */
@Named
@RequestScoped
public class AlertsBacking {

    static final int SHOWN = 200;
    /** Request parameters: the state buttons (form "alerts-form"), the id a row action is about. */
    static final String STATE_PARAMETER = "alerts-form:state";

    @Inject Alerts alerts;
    @Inject AlertChannels channels;

    private String state = "all";
    private List<AlertView> alertList;
    private List<ChannelView> channelList;
    private ChannelForm form = new ChannelForm();
    private List<String> formProblems = List.of();

    @PostConstruct
    void readState() {
        setState(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(STATE_PARAMETER));
    }

    /** Reads the alerts (and channels) again when the page asks for them next. */
    public void refresh() {
        alertList = null;
        channelList = null;
    }

    public List<AlertView> getAlerts() {
        if (alertList == null) {
            Optional<AlertState> filter = switch (state) {
                case "firing" -> Optional.of(AlertState.FIRING);
                case "resolved" -> Optional.of(AlertState.RESOLVED);
                default -> Optional.empty();
            };
            alertList = alerts.list(filter, SHOWN);
        }
        return alertList;
    }

    public List<ChannelView> getChannels() {
        if (channelList == null) {
            channelList = isAdmin() ? channels.list() : List.of();
        }
        return channelList;
    }

    public void acknowledge(long id) {
        SessionBacking.requireAdmin();
        String user = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
        alerts.acknowledge(id, user).ifPresentOrElse(a -> info("Alert " + id + " acknowledged."),
                () -> error("There is no alert " + id + "."));
        refresh();
    }

    public void addChannel() {
        SessionBacking.requireAdmin();
        try {
            ChannelView added = channels.add(form.toRequest());
            info("Channel " + added.name() + " added: new alerts are sent there.");
            form = new ChannelForm();
            formProblems = List.of();
        } catch (AlertChannelRejected rejected) {
            formProblems = rejected.problems();
        }
        refresh();
    }

    public void deleteChannel(long id) {
        SessionBacking.requireAdmin();
        try {
            channels.delete(id);
            info("Channel deleted; its queued notices are dropped.");
        } catch (AlertChannelRejected rejected) {
            error(rejected.getMessage());
        }
        refresh();
    }

    public void sendTest(long id) {
        SessionBacking.requireAdmin();
        try {
            channels.sendTest(id);
            info("Test notice delivered.");
        } catch (DeliveryFailure f) {
            error("The test notice was not delivered: " + f.getMessage());
        } catch (AlertChannelRejected rejected) {
            error(rejected.getMessage());
        }
    }

    private static boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin");
    }

    private static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String getState() { return state; }
    public void setState(String state) {
        String changed = state != null && List.of("all", "firing", "resolved").contains(state) ? state : "all";
        if (!changed.equals(this.state)) {
            refresh();
        }
        this.state = changed;
    }
    public ChannelForm getForm() { return form; }
    public List<String> getFormProblems() { return formProblems; }
}
