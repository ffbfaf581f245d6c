package com.ipmimonitor.rest;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A change that was refused and wrote nothing (the transaction rolls back); details say what to fix, one line
 * per problem. The API answers it as JSON (ChangeRejectedMapper), pages as form messages.
 */
@ApplicationException(rollback = true)
public abstract class ChangeRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;
    private final List<String> details;

    protected ChangeRejected(Reason reason, String message, List<String> details) {
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

    /** What a form shows: the details, or the message when there are none. */
    public List<String> problems() {
        return details.isEmpty() ? List.of(getMessage()) : details;
    }
}
