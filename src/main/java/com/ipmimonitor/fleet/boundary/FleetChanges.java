package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.rest.ChangeRejected.Reason;
import com.ipmimonitor.fleet.control.ImportResult;
import com.ipmimonitor.fleet.control.ServerImport;
import com.ipmimonitor.fleet.control.ServerInput;
import com.ipmimonitor.fleet.control.ServerSpec;
import com.ipmimonitor.fleet.control.ServerSpecs;
import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change to the server list, for the API and the settings page alike: checked first, refused with
 * {@link FleetChangeRejected} (nothing written) when anything is wrong.
 */
@Stateless
public class FleetChanges {

    @Inject
    Servers servers;

    public Server add(ServerRequest request) {
        if (request == null) {
            throw new FleetChangeRejected(Reason.INVALID, "a JSON body with bmc_ip is required");
        }
        requireValid(request.bmcIp, request);
        requireUnknown(request.bmcIp);
        Server server = new Server(request.bmcIp, blankTo(request.serverName, request.bmcIp));
        server.setBmcPort(request.port == null ? Server.DEFAULT_PORT : request.port);
        server.setEnabled(request.enabled == null || request.enabled);
        server.setNvidia(Boolean.TRUE.equals(request.useNvidiaPassword));
        apply(request, server);
        return servers.add(server);
    }

    /** Changes only the fields present; ipmiPass "" removes the server's own password, null keeps it. */
    public Server update(String bmcIp, ServerRequest request) {
        if (request == null) {
            throw new FleetChangeRejected(Reason.INVALID, "a JSON body is required");
        }
        Server server = servers.findByBmcIp(bmcIp).orElseThrow(() -> FleetChangeRejected.noServer(bmcIp));
        String newIp = request.bmcIp == null ? server.getBmcIp() : request.bmcIp;
        requireValid(newIp, request);
        if (!newIp.equals(bmcIp)) {
            requireUnknown(newIp);
        }
        server.setBmcIp(newIp);
        if (request.port != null) { server.setBmcPort(request.port); }
        if (request.serverName != null && !request.serverName.isBlank()) { server.setName(request.serverName); }
        if (request.enabled != null) { server.setEnabled(request.enabled); }
        if (request.useNvidiaPassword != null) { server.setNvidia(request.useNvidiaPassword); }
        apply(request, server);
        return servers.update(server);
    }

    /**
     * Sets the BMC user and/or password of the servers named (null: every server), all or nothing: an unknown
     * address refuses the whole change. Returns how many servers were changed (0 when neither is given).
     */
    public int updateCredentials(List<String> bmcIps, String ipmiUser, String ipmiPass) {
        List<String> problems = ServerInput.settingProblems(ipmiUser, ipmiPass, null, null);
        if (!problems.isEmpty()) {
            throw new FleetChangeRejected(Reason.INVALID, "invalid credentials", problems);
        }
        List<Server> targets = bmcIps == null ? servers.all() : bmcIps.stream()
                .map(ip -> servers.findByBmcIp(ip).orElseThrow(() -> FleetChangeRejected.noServer(ip))).toList();
        if (ipmiUser == null && ipmiPass == null) {
            return 0;
        }
        for (Server server : targets) {
            if (ipmiUser != null) { server.setIpmiUser(ipmiUser); }
            if (ipmiPass != null) { server.setIpmiPassword(ipmiPass); }
            servers.update(server);
        }
        return targets.size();
    }

    public void delete(String bmcIp) {
        if (!servers.delete(bmcIp)) {
            throw FleetChangeRejected.noServer(bmcIp);
        }
    }

    /** Pauses or resumes polling of the given servers in one transaction; returns how many exist and changed. */
    public int setEnabled(List<String> bmcIps, boolean enabled) {
        int changed = 0;
        for (String bmcIp : bmcIps) {
            var server = servers.findByBmcIp(bmcIp);
            if (server.isPresent() && server.get().isEnabled() != enabled) {
                server.get().setEnabled(enabled);
                servers.update(server.get());
                changed++;
            }
        }
        return changed;
    }

    /** Deletes the given servers in one transaction (all or none); addresses not monitored are skipped. */
    public int deleteAll(List<String> bmcIps) {
        int deleted = 0;
        for (String bmcIp : bmcIps) {
            if (servers.delete(bmcIp)) {
                deleted++;
            }
        }
        return deleted;
    }

    /** What an import wrote: servers new to the fleet, and known servers (same bmc_ip) changed to the file's values. */
    public record Imported(int added, int updated) {
        public int written() {
            return added + updated;
        }
    }

    /**
     * Imports an INI or JSON server list, all or nothing: any invalid entry refuses the whole file with line numbers.
     * Servers already monitored are updated from the file, as the original did (see ServerSpecs.update).
     */
    public Imported importText(String text, String format) {
        if (!List.of("auto", "ini", "json").contains(format)) {
            throw new FleetChangeRejected(Reason.INVALID, "format must be ini, json or auto");
        }
        ImportResult parsed = ServerImport.parse(text == null ? "" : text, format);
        if (!parsed.valid()) {
            throw new FleetChangeRejected(Reason.INVALID, "the file has errors; nothing was imported", parsed.errors());
        }
        List<Server> batch = new ArrayList<>();
        int updated = 0;
        for (ServerSpec spec : parsed.servers()) {
            var known = servers.findByBmcIp(spec.bmcIp());
            if (known.isPresent()) {
                batch.add(ServerSpecs.update(known.get(), spec));
                updated++;
            } else {
                batch.add(ServerSpecs.toServer(spec));
            }
        }
        servers.saveAll(batch);
        return new Imported(batch.size() - updated, updated);
    }

    private static void requireValid(String bmcIp, ServerRequest request) {
        List<String> problems = new ArrayList<>(
                ServerInput.problems(bmcIp, request.port, request.serverName, request.serverIp));
        problems.addAll(
                ServerInput.settingProblems(request.ipmiUser, request.ipmiPass, request.cipherSuite, request.notes));
        problems.addAll(ServerInput.protocolProblems(request.protocol, request.caBundle));
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    /** The error names the first problem (and so its field) for clients that read only "error". */
    static FleetChangeRejected invalid(List<String> problems) {
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more, see details)" : "";
        return new FleetChangeRejected(Reason.INVALID, "invalid server: " + problems.get(0) + more, problems);
    }

    private void requireUnknown(String bmcIp) {
        if (servers.findByBmcIp(bmcIp).isPresent()) {
            throw new FleetChangeRejected(Reason.CONFLICT, "a server with bmc_ip " + bmcIp + " already exists");
        }
    }

    /** The optional fields add and update treat alike. */
    private static void apply(ServerRequest request, Server server) {
        if (request.serverIp != null) { server.setServerIp(request.serverIp); }
        if (request.ipmiUser != null) { server.setIpmiUser(request.ipmiUser); }
        if (request.ipmiPass != null) { server.setIpmiPassword(request.ipmiPass); }
        if (request.cipherSuite != null) { server.setCipherSuite(request.cipherSuite); }
        if (request.notes != null) { server.setNotes(request.notes); }
        BmcProtocol.findByCode(request.protocol).ifPresent(server::setProtocol);
        if (request.caBundle != null) { server.setCaBundle(request.caBundle.isBlank() ? null : request.caBundle); }
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
