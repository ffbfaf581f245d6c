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
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * /alerts: firing and resolved alerts for everyone; acknowledging and the channels (add, delete, send a test)
 * for admins only. The page hides admin controls from visitors, and every admin action checks the role again.
 */
@Named
@ViewScoped
public class AlertsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 200;

    @Inject transient Alerts alerts;
    @Inject transient AlertChannels channels;

    private String state = "all";
    private List<AlertView> alertList = List.of();
    private List<ChannelView> channelList = List.of();
    private ChannelForm form = new ChannelForm();
    private List<String> formProblems = List.of();

    @PostConstruct
    void load() {
        refresh();
    }

    public void refresh() {
        Optional<AlertState> filter = switch (state) {
            case "firing" -> Optional.of(AlertState.FIRING);
            case "resolved" -> Optional.of(AlertState.RESOLVED);
            default -> Optional.empty();
        };
        alertList = alerts.list(filter, SHOWN);
        channelList = isAdmin() ? channels.list() : List.of();
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
    public void setState(String state) { this.state = List.of("all", "firing", "resolved").contains(state) ? state : "all"; }
    public List<AlertView> getAlerts() { return alertList; }
    public List<ChannelView> getChannels() { return channelList; }
    public ChannelForm getForm() { return form; }
    public List<String> getFormProblems() { return formProblems; }
}
