package com.ipmimonitor.web.settings;

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
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.primefaces.PrimeFaces;

/**
 * /settings, the server table (admin only, by web.xml and again per action): find, select, and the actions on
 * one server or the selection (pause, resume, collect, clear the SEL, delete events or the server), each confirmed.
 * Every action is a JSF POST, so it carries the view's state token: a forged cross-site request changes nothing.
 */
@Named
@ViewScoped
public class ServerListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    // not transient: a view-scoped bean is serialized with the session, and Weld's proxies of these session and
    // application-scoped beans come back from that working, where a transient field would come back null
    @Inject FleetOverview overview;
    @Inject FleetChanges changes;
    @Inject Servers servers;
    @Inject PollLeases leases;
    @Inject SelClearing clearing;
    @Inject SystemEvents events;

    // the whole fleet is kept in the view (the page is admin-only): the table pages, filters and sorts it in
    // memory, 25 to 100 rows at a time, and a selection may span pages
    private List<ServerView> serverList;
    private String find = "";
    private List<ServerView> shownServers;
    private List<ServerView> filteredServers;
    private List<ServerView> selected = new ArrayList<>();
    private PendingAction pending;

    @PostConstruct
    void load() {
        SessionBacking.requireAdmin();
        refresh();
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
            Messages.error("Select servers first: tick their boxes in the first column.");
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
            case RESUME -> Messages.info("Polling resumed for " + changes.setEnabled(ips, true) + " servers.");
            case PAUSE -> Messages.info("Polling paused for " + changes.setEnabled(ips, false) + " servers.");
            case COLLECT -> Messages.info("Poll of " + ips.stream().map(servers::findByBmcIp).flatMap(Optional::stream)
                    .mapToInt(v -> leases.makeDue(v.getId())).count() + " servers queued: each starts within 5 seconds.");
            case CLEAR_SEL -> ips.forEach(this::clearSel);
            case DELETE_EVENTS -> ips.forEach(this::clearDbEvents);
            case DELETE -> Messages.info(changes.deleteAll(ips)
                    + " servers deleted with their stored events and sensor history.");
        }
        selected = new ArrayList<>();
        refresh();
    }

    public void delete(String bmcIp) {
        SessionBacking.requireAdmin();
        try {
            changes.delete(bmcIp);
            Messages.info("Server " + bmcIp + " deleted with its stored events and sensor history.");
        } catch (FleetChangeRejected rejected) {
            Messages.error(rejected.getMessage());
        }
        refresh();
    }

    public void collectNow(String bmcIp) {
        SessionBacking.requireAdmin();
        servers.findByBmcIp(bmcIp).ifPresent(s -> leases.makeDue(s.getId()));
        Messages.info("Poll of " + bmcIp + " queued: it starts within 5 seconds.");
    }

    public void collectAll() {
        SessionBacking.requireAdmin();
        Messages.info("Poll of " + leases.makeAllDue() + " servers queued.");
    }

    public void clearSel(String bmcIp) {
        SessionBacking.requireAdmin();
        servers.findByBmcIp(bmcIp).ifPresent(s -> report(clearing.clear(s)
                .orElse(new SelClearResult(bmcIp, false, "a poll is running; try again in a moment"))));
        refresh();
    }

    public void clearAllSel() {
        SessionBacking.requireAdmin();
        clearing.clearAll().forEach(ServerListBacking::report);
        refresh();
    }

    public void clearDbEvents(String bmcIp) {
        SessionBacking.requireAdmin();
        servers.findByBmcIp(bmcIp).ifPresent(s -> Messages.info(events.deleteOf(s.getId()) + " stored events of " + bmcIp
                + " deleted; the BMC's SEL is untouched."));
        refresh();
    }

    private static void report(SelClearResult result) {
        if (result.cleared()) {
            Messages.info("SEL of " + result.bmcIp() + " cleared after its records were stored.");
        } else {
            Messages.error("SEL of " + result.bmcIp() + " not cleared: " + result.message());
        }
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
}
