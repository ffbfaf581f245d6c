package com.ipmimonitor.web.settings;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** The page's growl messages: what an action did, or why it did nothing. */
final class Messages {

    private Messages() {
    }

    static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }
}
