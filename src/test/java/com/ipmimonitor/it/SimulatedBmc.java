package com.ipmimonitor.it;

import com.ipmimonitor.fleet.control.InventoryRow;
import com.ipmimonitor.fleet.control.InventoryTsv;
import java.util.List;

/** One row of the simulated fleet's inventory.tsv, read by the app's own parser (InventoryTsv). */
public record SimulatedBmc(String name, String host, int port, String user, String password, int selEntries,
                           String power, String note, int consolePort) {

    /** The rows that carry all nine columns fleet.sh writes; "-" (unreachable BMC) is -1. */
    static List<SimulatedBmc> fromInventory(String tsv) {
        return InventoryTsv.rows(tsv).stream().filter(row -> row.consolePort().isPresent()).map(SimulatedBmc::of).toList();
    }

    private static SimulatedBmc of(InventoryRow row) {
        return new SimulatedBmc(row.name(), row.host(), Integer.parseInt(row.port()), row.user(), row.password(),
                number(row.selEntries().orElseThrow()), row.power().orElseThrow(), row.note().orElseThrow(),
                number(row.consolePort().orElseThrow()));
    }

    private static int number(String column) {
        return column.equals("-") ? -1 : Integer.parseInt(column);
    }
}
