package com.ipmimonitor.alerting.boundary;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A channel change that was refused and wrote nothing: 400 invalid, 404 unknown, 409 name taken. */
@ApplicationException(rollback = true)
public class AlertChannelRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;
    private final List<String> details;

    public AlertChannelRejected(Reason reason, String message, List<String> details) {
        super(message);
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> details() {
        return details;
    }
}
