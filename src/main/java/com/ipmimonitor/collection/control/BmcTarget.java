package com.ipmimonitor.collection.control;

/** Where and how to reach one BMC. toString never shows the password. */
public record BmcTarget(String host, int port, String user, String password, int cipherSuite) {

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + " (cipher " + cipherSuite + ")";
    }
}
