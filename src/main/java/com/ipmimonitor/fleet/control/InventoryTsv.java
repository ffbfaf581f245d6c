package com.ipmimonitor.fleet.control;

import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator fleet's inventory.tsv: name, host, port, user, password, then notes we keep as text, and an optional
 * protocol (ipmi when absent or "-"). Each row passes the checks of every other way in (ServerEntry, ServerInput):
 * a row that fails them is left out and said.
 */
public final class InventoryTsv {

    /** The servers of the rows that pass, each read by its row's protocol, and the problems of those that do not. */
    public record Loaded(List<Server> servers, List<String> errors) {
    }

    private InventoryTsv() {
    }

    public static List<Server> parse(String tsv) {
        return load(tsv).servers();
    }

    public static Loaded load(String tsv) {
        Map<Integer, BmcProtocol> protocols = new HashMap<>();
        ImportResult read = read(tsv, protocols);
        List<Server> servers = read.servers().stream().map(spec -> {
            Server server = ServerSpecs.toServer(spec);
            server.setProtocol(protocols.getOrDefault(spec.line(), BmcProtocol.IPMI));
            return server;
        }).toList();
        return new Loaded(servers, read.errors());
    }

    /** The servers of the rows that pass, and a "line N: ..." problem for each row that does not. */
    public static ImportResult read(String tsv) {
        return read(tsv, new HashMap<>());
    }

    private static ImportResult read(String tsv, Map<Integer, BmcProtocol> protocols) {
        List<ServerSpec> servers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (InventoryRow row : rows(tsv)) {
            int n = row.line();
            Optional<String> protocol = row.protocol().filter(p -> !p.isBlank() && !p.equals("-"));
            if (protocol.isPresent() && BmcProtocol.findByCode(protocol.get()).isEmpty()) {
                problems.add("line " + n + ": protocol must be ipmi, redfish or auto, got "
                        + ServerInput.shown(protocol.get()));
                continue;
            }
            protocol.flatMap(BmcProtocol::findByCode).ifPresent(p -> protocols.put(n, p));
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
                    column(f, 8), column(f, 9)));
        }
        return rows;
    }

    private static Optional<String> column(String[] fields, int index) {
        return index < fields.length ? Optional.of(fields[index]) : Optional.empty();
    }
}
