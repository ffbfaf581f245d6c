package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.control.CaBundleInput;
import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The settings form's save: a server's fields (FleetChanges) with how its BMC is read (protocol, CA bundle), in one
 * transaction and all or nothing. What an auto probe found for the old protocol is forgotten by the database
 * (trigger server_protocol_changed, V12_52), as for every other way a protocol changes.
 */
@Stateless
public class ProtocolChanges {

    @Inject
    FleetChanges changes;

    @Inject
    Servers servers;

    /** Adds (originalBmcIp null) or updates a server; refused with every problem when anything is wrong. */
    public Server save(String originalBmcIp, ServerRequest request, BmcProtocol protocol, String caBundle) {
        List<String> problems = CaBundleInput.problems(caBundle);
        if (!problems.isEmpty()) {
            throw FleetChanges.invalid(problems);
        }
        Server server = originalBmcIp == null ? changes.add(request) : changes.update(originalBmcIp, request);
        server.setProtocol(protocol);
        server.setCaBundle(caBundle == null || caBundle.isBlank() ? null : caBundle.strip() + "\n");
        return servers.update(server);
    }
}
