package com.ipmimonitor.redfish.control;

import java.security.cert.CertificateException;

/** The BMC presented another certificate than the one trusted on first use (re-keyed, replaced, or intercepted). */
public class CertificateChangedException extends CertificateException {

    private final String presented;

    public CertificateChangedException(String presented) {
        super("the BMC's certificate changed; it now presents SHA-256 " + presented);
        this.presented = presented;
    }

    public String presented() {
        return presented;
    }
}
