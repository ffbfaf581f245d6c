package com.ipmimonitor.fleet.control;

import java.util.Optional;

/**
 * One data row of the simulator fleet's inventory.tsv, as src/test/bmcsim/fleet.sh writes it, columns as text.
 * The columns after the password are empty when a row stops early. {@code line} counts from 1, for messages.
 * {@code protocol}, a tenth column that scripts/run.sh writes for its Redfish simulators, is empty in older files.
 */
public record InventoryRow(int line, String name, String host, String port, String user, String password,
                           Optional<String> selEntries, Optional<String> power, Optional<String> note,
                           Optional<String> consolePort, Optional<String> protocol) {

    public InventoryRow(int line, String name, String host, String port, String user, String password,
                        Optional<String> selEntries, Optional<String> power, Optional<String> note,
                        Optional<String> consolePort) {
        this(line, name, host, port, user, password, selEntries, power, note, consolePort, Optional.empty());
    }
}
