package com.ipmimonitor.fleet.control;

import com.ipmimonitor.fleet.entity.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulator fleet's inventory.tsv: name, host, port, user, password, then notes we keep as text. Each row
 * passes the checks of every other way in (ServerEntry, ServerInput): a row that fails them is left out and said.
 */
public final class InventoryTsv {

    private InventoryTsv() {
    }

    public static List<Server> parse(String tsv) {
        return read(tsv).servers().stream().map(ServerSpecs::toServer).toList();
    }

    /** The servers of the rows that pass, and a "line N: ..." problem for each row that does not. */
    public static ImportResult read(String tsv) {
        List<ServerSpec> servers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (InventoryRow row : rows(tsv)) {
            int n = row.line();
            ServerEntry entry = new ServerEntry(n, "line " + n, row.name());
            entry.put("bmc_ip", row.host(), n);
            entry.put("port", row.port(), n);
            entry.put("ipmi_user", row.user(), n);
            entry.put("ipmi_pass", row.password(), n);
            entry.put("notes", row.note().map(note -> "simulated BMC: " + note).orElse("simulated BMC"), n);
            entry.build().ifPresent(servers::add);
            entry.problems().forEach(p -> problems.add(p.text()));
        }
        return new ImportResult(servers, problems);
    }

    /** Every data row with at least the five columns up to the password; the header and blank lines are skipped. */
    public static List<InventoryRow> rows(String tsv) {
        List<InventoryRow> rows = new ArrayList<>();
        String[] lines = tsv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String[] f = line.split("\t");
            if (f.length < 5 || f[0].equals("name") || line.isBlank()) {
                continue;
            }
            rows.add(new InventoryRow(i + 1, f[0], f[1], f[2], f[3], f[4], column(f, 5), column(f, 6), column(f, 7),
                    column(f, 8)));
        }
        return rows;
    }

    private static Optional<String> column(String[] fields, int index) {
        return index < fields.length ? Optional.of(fields[index]) : Optional.empty();
    }
}
