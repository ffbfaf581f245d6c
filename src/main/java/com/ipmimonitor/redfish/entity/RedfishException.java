package com.ipmimonitor.redfish.entity;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A failed Redfish exchange, with its kind. Messages name the resource, never a credential or token. An
 * application exception: a failing BMC is an answer of the RedfishPolls EJB, not a container failure to log and
 * wrap in an EJBException.
 */
@ApplicationException
public class RedfishException extends RuntimeException {

    private final RedfishFailure failure;

    public RedfishException(RedfishFailure failure, String message) {
        this(failure, message, null);
    }

    public RedfishException(RedfishFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure);
    }

    public RedfishFailure failure() {
        return failure;
    }
}
