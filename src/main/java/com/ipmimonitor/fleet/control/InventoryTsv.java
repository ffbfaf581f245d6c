package com.ipmimonitor.fleet.control;

import com.ipmimonitor.fleet.entity.Server;
import java.util.ArrayList;
import java.util.List;

/** The simulator fleet's inventory.tsv: name, host, port, user, password, then notes we keep as text. */
public final class InventoryTsv {

    private InventoryTsv() {
    }

    public static List<Server> parse(String tsv) {
        List<Server> servers = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 5 || f[0].equals("name") || line.isBlank()) {
                continue;
            }
            Server s = new Server(f[1], f[0]);
            s.setBmcPort(Integer.parseInt(f[2]));
            s.setIpmiUser(f[3]);
            s.setIpmiPassword(f[4]);
            s.setNotes(f.length > 7 ? "simulated BMC: " + f[7] : "simulated BMC");
            servers.add(s);
        }
        return servers;
    }
}
