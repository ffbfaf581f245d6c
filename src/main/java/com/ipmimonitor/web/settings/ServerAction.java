package com.ipmimonitor.web.settings;

import java.util.List;

/**
 * What the settings page does to one server (row menu) or to a selection (bulk buttons), and how the confirmation
 * asks about it. Every action that changes or removes something is confirmed first.
 */
public enum ServerAction {
    RESUME("Resume polling of %s?", "Polling resumes at the next poll."),
    PAUSE("Pause polling of %s?", "Nothing is polled, stored data stays; resume at any time."),
    COLLECT("Poll %s now?", "Each poll starts within seconds."),
    CLEAR_SEL("Clear the SEL of %s?", "The BMC's event log is read and stored first, then cleared on the BMC. Stored history stays."),
    DELETE_EVENTS("Delete the stored events of %s?", "Its events are deleted from the database. The BMC's SEL is not touched."),
    DELETE("Stop monitoring %s?", "Removed with their stored events and sensor history.");

    private final String question;
    private final String consequence;

    ServerAction(String question, String consequence) {
        this.question = question;
        this.consequence = consequence;
    }

    /** "Stop monitoring gpu-01?" for one server, "Stop monitoring 2 servers?" for several. */
    public String question(List<String> names) {
        return question.formatted(names.size() == 1 ? names.get(0) : names.size() + " servers");
    }

    public String consequence() {
        return consequence;
    }

    /** The question and the consequence, with up to five of the names when several are concerned. */
    public String describe(List<String> names) {
        String listed = names.size() <= 1 ? "" : " (" + String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? ", ..." : "") + ")";
        return question(names) + listed + " " + consequence;
    }
}
