package com.ipmimonitor.alerting.entity;

/** A notice that did not arrive; the message says why, without any secret (no URL path, header or password). */
public class DeliveryFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public DeliveryFailure(String message) {
        super(message);
    }
}
