package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.control.CaBundleInput;
import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The settings form's save: a server's fields (FleetChanges) with how its BMC is read (protocol, CA bundle), in one
 * transaction and all or nothing. A changed protocol fires {@link ServerProtocolChanged}.
 */
@Stateless
public class ProtocolChanges {

    @Inject
    FleetChanges changes;

    @Inject
    Servers servers;

    @Inject
    Event<ServerProtocolChanged> protocolChanged;

    /** Adds (originalBmcIp null) or updates a server; refused with every problem when anything is wrong. */
    public Server save(String originalBmcIp, ServerRequest request, BmcProtocol protocol, String caBundle) {
        List<String> problems = CaBundleInput.problems(caBundle);
        if (!problems.isEmpty()) {
            throw FleetChanges.invalid(problems);
        }
        Server server = originalBmcIp == null ? changes.add(request) : changes.update(originalBmcIp, request);
        BmcProtocol before = server.getProtocol();
        server.setProtocol(protocol);
        server.setCaBundle(caBundle == null || caBundle.isBlank() ? null : caBundle.strip() + "\n");
        Server saved = servers.update(server);
        if (before != protocol) {
            protocolChanged.fire(new ServerProtocolChanged(saved.getId()));
        }
        return saved;
    }
}
