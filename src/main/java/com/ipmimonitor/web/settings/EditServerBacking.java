package com.ipmimonitor.web.settings;

import com.ipmimonitor.fleet.boundary.FleetChangeRejected;
import com.ipmimonitor.fleet.boundary.ProtocolChanges;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.web.session.SessionBacking;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/** /settings, the server dialog: adds a server or edits one; a refused form lists its problems and writes nothing. */
@Named
@ViewScoped
public class EditServerBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    // not transient: see ServerListBacking
    @Inject ProtocolChanges protocolChanges;
    @Inject Servers servers;
    @Inject ServerListBacking list;

    private ServerForm form = new ServerForm();
    private List<String> formProblems = List.of();

    @PostConstruct
    void load() {
        SessionBacking.requireAdmin();
    }

    public void newServer() {
        form = new ServerForm();
        formProblems = List.of();
    }

    public void edit(String bmcIp) {
        servers.findByBmcIp(bmcIp).ifPresentOrElse(s -> form = ServerForm.of(s),
                () -> Messages.error("no server with bmc_ip " + bmcIp));
        formProblems = List.of();
    }

    /** Adds or updates; on refusal the dialog stays open with the problems listed, and nothing was written. */
    public void save() {
        SessionBacking.requireAdmin();
        try {
            // protocol and CA bundle are saved with the other fields, in one transaction
            protocolChanges.save(form.getOriginalBmcIp(), form.toRequest(), form.bmcProtocol(), form.getCaBundle());
            if (form.isEditing()) {
                Messages.info("Server " + form.getBmcIp() + " saved.");
            } else {
                Messages.info("Server " + form.getBmcIp() + " added; its first poll starts within seconds.");
            }
            formProblems = List.of();
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
            list.refresh();
        } catch (FleetChangeRejected rejected) {
            formProblems = rejected.problems();
        }
    }

    public ServerForm getForm() { return form; }
    public List<String> getFormProblems() { return formProblems; }
}
