package com.ipmimonitor.fleet.control;

import java.util.List;

/**
 * What an import file holds. {@code errors} ("line N: message", in line order) lists every problem found; the
 * file is valid only when it is empty. {@code servers} holds the entries that passed their own checks, so a caller
 * that imports all-or-nothing must look at {@code errors} first.
 */
public record ImportResult(List<ServerSpec> servers, List<String> errors) {

    public ImportResult {
        servers = List.copyOf(servers);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
