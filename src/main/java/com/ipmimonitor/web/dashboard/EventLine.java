package com.ipmimonitor.web.dashboard;

import com.ipmimonitor.events.boundary.EventView;
import com.ipmimonitor.web.PageFormat;

/**
 * One line of the dashboard's event list as the page reads it, by bean properties: the record's accessors called as
 * EL methods are looked up by reflection on each call (see ServerCard), ten of them per line, fifty lines a view.
 */
public final class EventLine {

    private final EventView event;

    EventLine(EventView event) {
        this.event = event;
    }

    /** The event's own time, the time it was stored when the BMC gave none, or why there is none. */
    public String getTime() {
        if (!event.timestamped()) {
            return "no time (OEM record)";
        }
        return PageFormat.utc(event.eventDate() != null ? event.eventDate() : event.collectedAt());
    }

    public String getBmcIp() {
        return event.bmcIp();
    }

    public String getServerName() {
        return event.serverName();
    }

    public String getSeverity() {
        return event.severity();
    }

    public String getSummary() {
        return event.summary();
    }

    /** " | " and the event's data after its summary, "" for a record without a direction (OEM, no data). */
    public String getData() {
        return event.eventData() != null && event.eventDirection() != null ? " | " + event.eventData() : "";
    }
}
