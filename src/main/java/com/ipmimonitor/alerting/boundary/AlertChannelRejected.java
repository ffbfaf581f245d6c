package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.rest.ChangeRejected;
import java.util.List;

/** A channel change that was refused and wrote nothing: 400 invalid, 404 unknown, 409 name taken. */
public class AlertChannelRejected extends ChangeRejected {

    private static final long serialVersionUID = 1L;

    public AlertChannelRejected(Reason reason, String message, List<String> details) {
        super(reason, message, details);
    }
}
