package com.ipmimonitor.security.boundary;

import com.ipmimonitor.security.control.ResponseHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** #{contentPolicy.page}: the pages' Content-Security-Policy, read by PrimeFaces (primefaces.CSP_POLICY in web.xml). */
@Named
@ApplicationScoped
public class ContentPolicy {

    public String getPage() {
        return ResponseHeaders.PAGE_POLICY;
    }
}
