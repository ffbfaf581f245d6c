package com.ipmimonitor.ipmi;

import java.util.Optional;

/**
 * What identifies a BMC's firmware in {@code ipmitool mc info}: manufacturer, product and firmware revision (with
 * the auxiliary revision bytes some vendors bump instead). What the BMC supports (DCMI) is remembered until this
 * changes.
 */
public final class McInfo {

    private McInfo() {
    }

    /** "343/3073/1.73/0x00 0x00 0x00 0x00", or empty when the output holds no firmware revision. */
    public static Optional<String> firmware(String stdout) {
        String manufacturer = field(stdout, "Manufacturer ID");
        String product = field(stdout, "Product ID");
        String revision = field(stdout, "Firmware Revision");
        if (revision.isEmpty()) {
            return Optional.empty();
        }
        String aux = auxiliary(stdout);
        return Optional.of(manufacturer + "/" + product.split("\\s+")[0] + "/" + revision + (aux.isEmpty() ? "" : "/" + aux));
    }

    private static String field(String stdout, String name) {
        return stdout.lines().filter(l -> l.startsWith(name)).map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElse("");
    }

    private static String auxiliary(String stdout) {
        StringBuilder aux = new StringBuilder();
        boolean in = false;
        for (String line : stdout.lines().toList()) {
            if (line.startsWith("Aux Firmware Rev Info")) {
                in = true;
            } else if (in && line.startsWith(" ") && line.strip().startsWith("0x")) {
                aux.append(aux.length() == 0 ? "" : " ").append(line.strip());
            } else if (in) {
                break;
            }
        }
        return aux.toString();
    }
}
