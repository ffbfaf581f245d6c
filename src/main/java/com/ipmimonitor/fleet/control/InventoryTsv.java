package com.ipmimonitor.fleet.control;

import com.ipmimonitor.fleet.entity.Server;
import java.util.ArrayList;
import java.util.List;

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
        String[] lines = tsv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String[] f = line.split("\t");
            if (f.length < 5 || f[0].equals("name") || line.isBlank()) {
                continue;
            }
            int n = i + 1;
            ServerEntry entry = new ServerEntry(n, "line " + n, f[0]);
            entry.put("bmc_ip", f[1], n);
            entry.put("port", f[2], n);
            entry.put("ipmi_user", f[3], n);
            entry.put("ipmi_pass", f[4], n);
            entry.put("notes", f.length > 7 ? "simulated BMC: " + f[7] : "simulated BMC", n);
            entry.build().ifPresent(servers::add);
            entry.problems().forEach(p -> problems.add(p.text()));
        }
        return new ImportResult(servers, problems);
    }
}
