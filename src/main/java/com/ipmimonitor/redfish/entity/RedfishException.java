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
    private final int httpStatus;

    public RedfishException(RedfishFailure failure, String message) {
        this(failure, message, null);
    }

    public RedfishException(RedfishFailure failure, String message, Throwable cause) {
        this(failure, message, cause, 0);
    }

    /** A resource that answered with an HTTP error status. */
    public RedfishException(RedfishFailure failure, String message, int httpStatus) {
        this(failure, message, null, httpStatus);
    }

    private RedfishException(RedfishFailure failure, String message, Throwable cause, int httpStatus) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure);
        this.httpStatus = httpStatus;
    }

    /** The resource is gone (HTTP 404): the service's tree changed under a poll that knew it. */
    public boolean resourceMissing() {
        return httpStatus == 404;
    }

    public RedfishFailure failure() {
        return failure;
    }
}
