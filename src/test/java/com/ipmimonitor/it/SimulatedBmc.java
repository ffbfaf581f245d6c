package com.ipmimonitor.it;

import java.util.ArrayList;
import java.util.List;

/** One row of the simulated fleet's inventory.tsv. */
public record SimulatedBmc(String name, String host, int port, String user, String password, int selEntries,
                           String power, String note, int consolePort) {

    static List<SimulatedBmc> fromInventory(String tsv) {
        List<SimulatedBmc> bmcs = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 9 || f[0].equals("name")) {
                continue;
            }
            bmcs.add(new SimulatedBmc(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4],
                    f[5].equals("-") ? -1 : Integer.parseInt(f[5]), f[6], f[7],
                    f[8].equals("-") ? -1 : Integer.parseInt(f[8])));
        }
        return bmcs;
    }
}
