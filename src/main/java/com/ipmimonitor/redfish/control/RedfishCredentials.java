package com.ipmimonitor.redfish.control;

import java.util.Objects;

/** A BMC account. toString never shows the password, so the record can sit in any log message or exception. */
public record RedfishCredentials(String user, String password) {

    public RedfishCredentials {
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
    }

    @Override
    public String toString() {
        return "RedfishCredentials[user=" + user + ", password=***]";
    }
}
