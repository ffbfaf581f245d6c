package com.ipmimonitor.redfish.control;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One page of a Redfish collection: its members as sent (links, or whole objects as log entries come),
 * Members@odata.nextLink and Members@odata.count (the whole collection's size, not the page's).
 */
public record MemberPage(List<JsonObject> members, Optional<String> nextLink, OptionalInt total) {

    public List<String> memberUris() {
        return members.stream().map(JsonFields::odataId).flatMap(Optional::stream).toList();
    }
}
