package com.ipmimonitor.fleet.control;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes servers in the formats {@link ServerImport} reads, so an export imports back unchanged. The BMC password
 * is never written: an export is meant to be shared, and a password can be set again after import.
 */
public final class ServerExport {

    private static final String INI_HEADER = """
            # IPMI Monitor servers: one [section] per server, named after it (server_name when the name cannot be one).
            # Values in double quotes keep spaces, '#' and '='; escapes \\" \\\\ \\n \\r \\t and \\u plus 4 hex digits.
            # Passwords are not exported.
            """;

    private ServerExport() {
    }

    public static String toIni(List<ServerSpec> servers) {
        StringBuilder out = new StringBuilder(INI_HEADER);
        Set<String> sections = new HashSet<>();
        for (ServerSpec s : servers) {
            String section = sectionName(s, sections);
            out.append('\n').append('[').append(section).append("]\n");
            appendIni(out, "bmc_ip", s.bmcIp());
            appendIni(out, "port", s.port());
            if (!section.equals(s.serverName())) {
                appendIni(out, "server_name", s.serverName());
            }
            appendIni(out, "server_ip", s.serverIp());
            appendIni(out, "enabled", s.enabled());
            appendIni(out, "use_nvidia_password", s.useNvidiaPassword());
            appendIni(out, "ipmi_user", s.ipmiUser());
            appendIni(out, "cipher_suite", s.cipherSuite());
            appendIni(out, "notes", s.notes());
            appendIni(out, "protocol", s.protocol());
            appendIni(out, "ca_bundle", s.caBundle());
        }
        return out.toString();
    }

    /**
     * A plain array, as the original app exported, so its files and ours read the same way in both apps. The
     * original's fields are always there (server_ip and notes null when empty); this monitor's only when set.
     */
    public static String toJson(List<ServerSpec> servers) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(text)) {
            g.writeStartArray();
            for (ServerSpec s : servers) {
                g.writeStartObject();
                writeIfPresent(g, "bmc_ip", s.bmcIp());
                if (s.port() != null) {
                    g.write("port", s.port());
                }
                writeIfPresent(g, "server_name", s.serverName());
                writeOrNull(g, "server_ip", s.serverIp());
                g.write("enabled", s.enabled());
                g.write("use_nvidia_password", s.useNvidiaPassword());
                writeIfPresent(g, "ipmi_user", s.ipmiUser());
                if (s.cipherSuite() != null) {
                    g.write("cipher_suite", s.cipherSuite());
                }
                writeOrNull(g, "notes", s.notes());
                writeIfPresent(g, "protocol", s.protocol());
                writeIfPresent(g, "ca_bundle", s.caBundle());
                g.writeEnd();
            }
            g.writeEnd();
        }
        return text.toString().strip() + "\n";
    }

    /**
     * The server name when it can stand in brackets and is not taken yet, else its BMC address (unique in a valid
     * file), with a counter as the last resort; the real name then goes in server_name. "servers" is never used
     * because that section holds the original app's one-line entries.
     */
    private static String sectionName(ServerSpec s, Set<String> taken) {
        boolean nameFits = s.serverName() != null && fitsInBrackets(s.serverName());
        boolean addressFits = s.bmcIp() != null && fitsInBrackets(s.bmcIp());
        String base = nameFits ? s.serverName() : addressFits ? s.bmcIp() : "server";
        String section = base;
        if (taken.contains(section) && addressFits) {
            section = s.bmcIp();
        }
        for (int n = 2; taken.contains(section); n++) {
            section = base + "-" + n;
        }
        taken.add(section);
        return section;
    }

    private static boolean fitsInBrackets(String name) {
        return !name.isEmpty() && !IniValue.needsQuotes(name) && name.chars().noneMatch(c -> "[];\"".indexOf(c) >= 0)
                && !name.toLowerCase(Locale.ROOT).equals(IniServerReader.ONE_LINE_SECTION);
    }

    private static void appendIni(StringBuilder out, String key, Object value) {
        if (value != null) {
            out.append(key).append(" = ").append(IniValue.write(value.toString())).append('\n');
        }
    }

    private static void writeOrNull(JsonGenerator g, String key, String value) {
        if (value != null) {
            g.write(key, value);
        } else {
            g.writeNull(key);
        }
    }

    private static void writeIfPresent(JsonGenerator g, String key, String value) {
        if (value != null) {
            g.write(key, value);
        }
    }
}
