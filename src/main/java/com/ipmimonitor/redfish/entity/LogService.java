package com.ipmimonitor.redfish.entity;

import java.util.Optional;

/** A LogService (SEL, IML, EventLog, …) and where its entries and its ClearLog action are. */
public record LogService(String uri, String id, String name, String entries, Optional<String> clearLogAction) {
}
