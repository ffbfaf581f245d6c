package com.ipmimonitor.web.settings;

import com.ipmimonitor.collection.boundary.PollInterval;
import com.ipmimonitor.retention.boundary.Retention;
import com.ipmimonitor.collection.boundary.PollLeases;
import com.ipmimonitor.collection.boundary.SelClearResult;
import com.ipmimonitor.collection.boundary.SelClearing;
import com.ipmimonitor.events.boundary.SystemEvents;
import com.ipmimonitor.fleet.boundary.FleetChangeRejected;
import com.ipmimonitor.fleet.boundary.FleetChanges;
import com.ipmimonitor.overview.boundary.FleetOverview;
import com.ipmimonitor.overview.boundary.ServerView;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.web.session.SessionBacking;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.primefaces.model.file.UploadedFile;

/**
 * /settings (admin only, by web.xml and again per action): the server list with add/edit/delete, import and
 * export, collection and SEL actions, and the poll interval. Every action is a JSF POST, so it carries the
 * view's state token: a forged cross-site request has none and changes nothing.
 */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_IMPORT_BYTES = 1024 * 1024;

    @Inject transient FleetOverview overview;
    @Inject transient FleetChanges changes;
    @Inject transient Servers servers;
    @Inject transient PollLeases leases;
    @Inject transient SelClearing clearing;
    @Inject transient SystemEvents events;
    @Inject transient PollInterval pollInterval;
    @Inject transient Retention retention;

    // the whole fleet is kept in the view (the page is admin-only): the table pages, filters and sorts it in
    // memory, 25 to 100 rows at a time, and a selection may span pages
    private List<ServerView> serverList;
    private String find = "";
    private List<ServerView> shownServers;
    private List<ServerView> filteredServers;
    private List<ServerView> selected = new ArrayList<>();
    private PendingAction pending;
    private ServerForm form = new ServerForm();
    private List<String> formProblems = List.of();
    private String importText = "";
    private String importFormat = "auto";
    private transient UploadedFile importFile;
    private List<String> importProblems = List.of();
    private int pollSeconds;

    @PostConstruct
    void load() {
        SessionBacking.requireAdmin();
        refresh();
        pollSeconds = (int) pollInterval.current().toSeconds();
    }

    public void refresh() {
        serverList = overview.servers(24);
        shownServers = List.copyOf(serverList.stream().filter(ServerFind.of(find)).toList());
        // PrimeFaces re-filters from serverList on the next filter event; until then, keep the filtered rows current
        if (filteredServers != null) {
            List<String> shown = filteredServers.stream().map(ServerView::bmcIp).toList();
            filteredServers = new ArrayList<>(serverList.stream().filter(v -> shown.contains(v.bmcIp())).toList());
        }
        List<String> kept = selected.stream().map(ServerView::bmcIp).toList();
        selected = new ArrayList<>(serverList.stream().filter(v -> kept.contains(v.bmcIp())).toList());
    }

    /** The find box changed: the table shows the matching servers (its column filters then apply again). */
    public void findChanged() {
        shownServers = List.copyOf(serverList.stream().filter(ServerFind.of(find)).toList());
        filteredServers = null;
    }

    /** One action on the selected servers, then confirmed; nothing selected says so. */
    public record PendingAction(ServerAction action, List<String> bmcIps, String question) implements Serializable {
    }

    /** Asks to confirm an action on one server (its row menu). */
    public void ask(String action, String bmcIp) {
        askAbout(ServerAction.valueOf(action), List.of(bmcIp));
    }

    /** Asks to confirm an action on the selection (the bulk buttons). */
    public void askSelected(String action) {
        if (selected.isEmpty()) {
            error("Select servers first: tick their boxes in the first column.");
            return;
        }
        askAbout(ServerAction.valueOf(action), selected.stream().map(ServerView::bmcIp).toList());
    }

    private void askAbout(ServerAction action, List<String> bmcIps) {
        List<String> names = bmcIps.stream().map(ip -> serverList.stream().filter(v -> v.bmcIp().equals(ip)).findFirst()
                .map(ServerView::serverName).orElse(ip)).toList();
        pending = new PendingAction(action, List.copyOf(bmcIps), action.describe(names));
        PrimeFaces.current().ajax().addCallbackParam("asked", true);
    }

    /** The confirmation said yes: the pending action runs on its servers. */
    public void confirmPending() {
        SessionBacking.requireAdmin();
        if (pending == null) {
            return;
        }
        PendingAction doing = pending;
        pending = null;
        List<String> ips = doing.bmcIps();
        switch (doing.action()) {
            case RESUME -> info("Polling resumed for " + changes.setEnabled(ips, true) + " servers.");
            case PAUSE -> info("Polling paused for " + changes.setEnabled(ips, false) + " servers.");
            case COLLECT -> info("Poll of " + ips.stream().map(servers::findByBmcIp).flatMap(java.util.Optional::stream)
                    .mapToInt(v -> leases.makeDue(v.getId())).count() + " servers queued: each starts within 5 seconds.");
            case CLEAR_SEL -> ips.forEach(this::clearSel);
            case DELETE_EVENTS -> ips.forEach(this::clearDbEvents);
            case DELETE -> info(changes.deleteAll(ips) + " servers deleted with their stored events and sensor history.");
        }
        selected = new ArrayList<>();
        refresh();
    }

    public void newServer() {
        form = new ServerForm();
        formProblems = List.of();
    }

    public void edit(String bmcIp) {
        servers.findByBmcIp(bmcIp).ifPresentOrElse(s -> form = ServerForm.of(s), () -> error("no server with bmc_ip " + bmcIp));
        formProblems = List.of();
    }

    /** Adds or updates; on refusal the dialog stays open with the problems listed, and nothing was written. */
    public void save() {
        SessionBacking.requireAdmin();
        try {
            if (form.isEditing()) {
                changes.update(form.getOriginalBmcIp(), form.toRequest());
                info("Server " + form.getBmcIp() + " saved.");
            } else {
                changes.add(form.toRequest());
                info("Server " + form.getBmcIp() + " added; its first poll starts within seconds.");
            }
            formProblems = List.of();
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
            refresh();
        } catch (FleetChangeRejected rejected) {
            formProblems = rejected.problems();
        }
    }

    public void delete(String bmcIp) {
        SessionBacking.requireAdmin();
        try {
            changes.delete(bmcIp);
            info("Server " + bmcIp + " deleted with its stored events and sensor history.");
        } catch (FleetChangeRejected rejected) {
            error(rejected.getMessage());
        }
        refresh();
    }

    /** The uploaded file if there is one, else the pasted text; all or nothing, problems listed by line. */
    public void importServers() {
        SessionBacking.requireAdmin();
        importProblems = List.of();
        try {
            String text = importFile != null && importFile.getSize() > 0 ? fileText(importFile) : importText;
            FleetChanges.Imported imported = changes.importText(text, importFormat);
            info(imported.written() + " servers imported (" + imported.added() + " added, " + imported.updated()
                    + " updated).");
            importText = "";
            refresh();
        } catch (FleetChangeRejected rejected) {
            importProblems = rejected.problems();
            error(rejected.getMessage());
        } catch (IOException e) {
            importProblems = List.of(e.getMessage());
            error("the file could not be read; nothing was imported");
        }
    }

    static String fileText(UploadedFile file) throws IOException {
        if (file.getSize() > MAX_IMPORT_BYTES) {
            throw new IOException("the file is larger than " + MAX_IMPORT_BYTES / 1024 + " KiB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.getContent())).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("the file is not UTF-8 text");
        }
    }

    public void collectNow(String bmcIp) {
        SessionBacking.requireAdmin();
        servers.findByBmcIp(bmcIp).ifPresent(s -> leases.makeDue(s.getId()));
        info("Poll of " + bmcIp + " queued: it starts within 5 seconds.");
    }

    public void collectAll() {
        SessionBacking.requireAdmin();
        info("Poll of " + leases.makeAllDue() + " servers queued.");
    }

    public void clearSel(String bmcIp) {
        SessionBacking.requireAdmin();
        servers.findByBmcIp(bmcIp).ifPresent(s -> report(clearing.clear(s)
                .orElse(new SelClearResult(bmcIp, false, "a poll is running; try again in a moment"))));
        refresh();
    }

    public void clearAllSel() {
        SessionBacking.requireAdmin();
        clearing.clearAll().forEach(this::report);
        refresh();
    }

    public void clearDbEvents(String bmcIp) {
        SessionBacking.requireAdmin();
        servers.findByBmcIp(bmcIp).ifPresent(s -> info(events.deleteOf(s.getId()) + " stored events of " + bmcIp
                + " deleted; the BMC's SEL is untouched."));
        refresh();
    }

    public void savePollInterval() {
        SessionBacking.requireAdmin();
        try {
            pollInterval.change(pollSeconds);
            info("Every server is now polled every " + pollSeconds + " seconds.");
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage("settings-form:poll-seconds",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    private void report(SelClearResult result) {
        if (result.cleared()) {
            info("SEL of " + result.bmcIp() + " cleared after its records were stored.");
        } else {
            error("SEL of " + result.bmcIp() + " not cleared: " + result.message());
        }
    }


    private static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public List<ServerView> getServerList() { return serverList; }
    public List<ServerView> getShownServers() { return shownServers; }
    public String getFind() { return find; }
    public void setFind(String find) { this.find = find == null ? "" : find; }
    public List<ServerView> getFilteredServers() { return filteredServers; }
    public void setFilteredServers(List<ServerView> filteredServers) { this.filteredServers = filteredServers; }
    public List<ServerView> getSelected() { return selected; }
    public void setSelected(List<ServerView> selected) { this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected); }
    public String getPendingQuestion() { return pending == null ? "" : pending.question(); }
    public ServerForm getForm() { return form; }
    public List<String> getFormProblems() { return formProblems; }
    public String getImportText() { return importText; }
    public void setImportText(String importText) { this.importText = importText; }
    public String getImportFormat() { return importFormat; }
    public void setImportFormat(String importFormat) { this.importFormat = importFormat; }
    public UploadedFile getImportFile() { return importFile; }
    public void setImportFile(UploadedFile importFile) { this.importFile = importFile; }
    public List<String> getImportProblems() { return importProblems; }
    public int getPollSeconds() { return pollSeconds; }
    public void setPollSeconds(int pollSeconds) { this.pollSeconds = pollSeconds; }
    public int getMinPollSeconds() { return PollInterval.MIN_SECONDS; }
    public int getMaxPollSeconds() { return PollInterval.MAX_SECONDS; }
    public String getRetentionSummary() { return retention.settings().summary(); }
}
