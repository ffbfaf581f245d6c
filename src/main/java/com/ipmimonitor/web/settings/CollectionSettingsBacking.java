package com.ipmimonitor.web.settings;

import com.ipmimonitor.collection.boundary.PollInterval;
import com.ipmimonitor.retention.boundary.Retention;
import com.ipmimonitor.web.session.SessionBacking;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** /settings, the collection section: the poll interval every instance shares, and what retention keeps. */
@Named
@ViewScoped
public class CollectionSettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    // not transient: see ServerListBacking
    @Inject PollInterval pollInterval;
    @Inject Retention retention;

    private int pollSeconds;

    @PostConstruct
    void load() {
        SessionBacking.requireAdmin();
        pollSeconds = (int) pollInterval.current().toSeconds();
    }

    public void savePollInterval() {
        SessionBacking.requireAdmin();
        try {
            pollInterval.change(pollSeconds);
            Messages.info("Every server is now polled every " + pollSeconds + " seconds.");
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage("settings-form:poll-seconds",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public int getPollSeconds() { return pollSeconds; }
    public void setPollSeconds(int pollSeconds) { this.pollSeconds = pollSeconds; }
    public int getMinPollSeconds() { return PollInterval.MIN_SECONDS; }
    public int getMaxPollSeconds() { return PollInterval.MAX_SECONDS; }
    public String getRetentionSummary() { return retention.settings().summary(); }
}
