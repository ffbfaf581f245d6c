package com.ipmimonitor.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API lives under /api, with the same paths as the original IPMI Monitor. */
@ApplicationPath("api")
public class JAXRSConfiguration extends Application {
}
