package com.ipmimonitor.web.server;

import com.ipmimonitor.collection.boundary.PollLeases;
import com.ipmimonitor.collection.boundary.SelClearResult;
import com.ipmimonitor.collection.boundary.SelClearing;
import com.ipmimonitor.collection.boundary.ServerStatuses;
import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.events.boundary.EventFilter;
import com.ipmimonitor.events.boundary.EventQueries;
import com.ipmimonitor.events.boundary.EventView;
import com.ipmimonitor.events.boundary.SystemEvents;
import com.ipmimonitor.overview.boundary.FleetOverview;
import com.ipmimonitor.overview.boundary.ServerView;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.fleet.entity.Server;
import com.ipmimonitor.redfish.boundary.TrustedCertificates;
import com.ipmimonitor.redfish.entity.CertificatePin;
import com.ipmimonitor.sensors.boundary.SensorReadings;
import com.ipmimonitor.sensors.boundary.SensorView;
import com.ipmimonitor.sensors.entity.PowerDraw;
import com.ipmimonitor.web.EventFilterLink;
import com.ipmimonitor.web.dashboard.DashboardBacking;
import com.ipmimonitor.web.session.SessionBacking;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;

/**
 * /server/{bmc_ip}: one server's last poll, its SEL history (paged from the database, filtered by severity,
 * text and time) and its sensors grouped by kind with a history chart. Admin actions check the role again
 * here: the page hides them from visitors, but a request can be forged.
 * Request-scoped on a stateless view, as the dashboard: a visitor's look leaves no session behind. What the page
 * shows travels with each request instead: the address and the chart's sensor in hidden fields, the filters in
 * the event form's own fields (read here, before the events table asks for its page).
 */
@Named
@RequestScoped
public class ServerBacking {

    /** Request parameters of server.xhtml's fields. */
    static final String BMC_PARAMETER = "bmc_ip";
    static final String CHART_SENSOR_PARAMETER = "chart_sensor";
    static final String SEVERITY_PARAMETER = "tabs:event-filters:severity_input";
    static final String TEXT_PARAMETER = "tabs:event-filters:text";
    static final String EVENT_RANGE_PARAMETER = "tabs:event-filters:event-range";
    static final String CHART_RANGE_PARAMETER = "tabs:sensor-form:chart-range";

    @Inject FleetOverview overview;
    @Inject Servers servers;
    @Inject EventQueries events;
    @Inject SystemEvents systemEvents;
    @Inject SensorReadings readings;

    /** Chart ranges longer than this read hourly rollups instead of raw readings. */
    static final int ROLLUP_AFTER_HOURS = 48;
    @Inject PollLeases leases;
    @Inject SelClearing clearing;
    @Inject TrustedCertificates certificates;
    @Inject ServerStatuses statuses;

    private String bmcIp;
    private ServerView server;
    private final ServerEventsModel eventModel = new ServerEventsModel(this);
    private String severity = "";
    private String text = "";
    private String eventRange = "7d";
    private List<SensorGroup> sensorGroups = List.of();
    private String chartSensor;
    private String chartRange = "24h";
    private String chartJson;
    private String protocol = "";

    /** Read over Redfish (set so, or auto and found so): no SEL counters, power from the chassis, not DCMI. */
    private boolean redfish;
    private CertificatePin certificate;

    @PostConstruct
    void load() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> parameters = external.getRequestParameterMap();
        bmcIp = Optional.ofNullable(parameters.get(BMC_PARAMETER)).orElse("");
        // a postback carries the event form's fields; the first GET the address's query (?range=&severity=&q=),
        // which pages.js keeps in step after every change
        String wanted = parameters.getOrDefault(SEVERITY_PARAMETER, parameters.getOrDefault("severity", ""));
        setSeverity(List.of("critical", "warning", "info").contains(wanted) ? wanted : "");
        // a q the filter refuses (too long, NUL) shows every event, as a bad filter does
        setText(parameters.getOrDefault(TEXT_PARAMETER, parameters.get("q")));
        setEventRange(parameters.getOrDefault(EVENT_RANGE_PARAMETER, parameters.get("range")));
        setChartRange(parameters.get(CHART_RANGE_PARAMETER));
        String sensor = parameters.get(CHART_SENSOR_PARAMETER);
        chartSensor = sensor == null || sensor.isBlank() ? null : sensor;
        refresh();
        if (server == null) {
            external.setResponseStatus(404);
        }
    }

    /** Reloads the server's facts and sensors (the events table loads itself page by page). */
    public void refresh() {
        server = overview.find(bmcIp, DashboardBacking.RANGES.get(eventRange)).orElse(null);
        if (server != null) {
            loadProtocol();
            sensorGroups = SensorGroup.of(readings.latestOf(serverId()).stream().map(SensorView::of).toList());
            if (chartSensor != null) {
                drawChart();
            }
        }
    }

    /** How the BMC is read: the setting, and for auto what its probe found; the certificate pin of a Redfish BMC. */
    private void loadProtocol() {
        servers.findByBmcIp(bmcIp).ifPresent(s -> {
            BmcProtocol configured = s.getProtocol();
            Optional<String> detected = statuses.find(s.getId()).flatMap(ServerStatus::findProtocolDetected);
            protocol = configured != BmcProtocol.AUTO ? configured.code()
                    : "auto (" + detected.map(d -> "found " + d).orElse("not probed yet") + ")";
            redfish = configured == BmcProtocol.REDFISH
                    || configured == BmcProtocol.AUTO && detected.filter("redfish"::equals).isPresent();
            certificate = certificates.find(s.getId()).orElse(null);
        });
    }

    long countEvents() {
        return server == null ? 0 : events.count(filter(0, 1));
    }

    List<EventView> findEvents(int first, int pageSize) {
        return server == null ? List.of() : events.find(filter(first, pageSize));
    }

    private EventFilter filter(int first, int pageSize) {
        List<String> problems = new ArrayList<>();
        EventFilter filter = EventFilter.parse(severity, bmcIp, text, DashboardBacking.RANGES.get(eventRange),
                pageSize, first, pageSize, problems);
        return problems.isEmpty() ? filter : EventFilter.parse(null, bmcIp, null, 24, pageSize, first, pageSize, problems);
    }

    /** A filter changed: back to the first page, or a page past the new end would show nothing. */
    public void filterEvents() {
        var table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(":tabs:event-filters:events");
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void showHistory(String sensorName) {
        chartSensor = sensorName;
        drawChart();
        // the chart is drawn below every sensor table, far under the row that was clicked: bring it into view
        PrimeFaces.current().scrollTo("tabs:sensor-form:chart-panel");
    }

    /** The page's event filter, for its address and its CSV export link. */
    public EventFilterLink getEventLink() {
        return new EventFilterLink(eventRange, DashboardBacking.RANGES.get(eventRange), severity, text, bmcIp);
    }

    public void drawChart() {
        if (server == null || chartSensor == null) {
            return;
        }
        int hours = DashboardBacking.RANGES.get(chartRange);
        // beyond two days the chart shows hourly means from the rollups: a month of raw readings is 43,200 a sensor
        List<SensorView> history = hours > ROLLUP_AFTER_HOURS
                ? readings.hourlyOf(serverId(), hours, chartSensor).stream().map(SensorView::ofHour).toList()
                : readings.historyOf(serverId(), hours, chartSensor).stream().map(SensorView::of).toList();
        chartJson = SensorHistoryChart.json(chartSensor, history);
    }

    public Optional<PowerDraw> findPowerDraw() {
        if (server == null) {
            return Optional.empty();
        }
        List<PowerDraw> draws = readings.powerOf(serverId(), 1);
        return draws.isEmpty() ? Optional.empty() : Optional.of(draws.get(draws.size() - 1));
    }

    public void collectNow() {
        SessionBacking.requireAdmin();
        leases.makeDue(serverId());
        info("Poll of " + bmcIp + " queued: it starts within 5 seconds.");
    }

    public void clearSel() {
        SessionBacking.requireAdmin();
        Optional<SelClearResult> result = servers.findByBmcIp(bmcIp).flatMap(clearing::clear);
        if (result.isEmpty()) {
            error("A poll of " + bmcIp + " is running; try again in a moment.");
        } else if (result.get().cleared()) {
            info("SEL of " + bmcIp + " cleared after its records were stored: " + result.get().message());
        } else {
            error("SEL of " + bmcIp + " not cleared: " + result.get().message());
        }
        refresh();
    }

    public void clearDbEvents() {
        SessionBacking.requireAdmin();
        int deleted = systemEvents.deleteOf(serverId());
        info(deleted + " stored events of " + bmcIp + " deleted; the BMC's SEL is untouched.");
        refresh();
    }

    /** Trusts the certificate the BMC now presents (shown with the pinned one on the page); polls it soon. */
    public void acceptCertificate() {
        SessionBacking.requireAdmin();
        if (certificates.accept(serverId())) {
            info("The new certificate of " + bmcIp + " is trusted; the BMC is polled again within seconds.");
        } else {
            error("No changed certificate of " + bmcIp + " is waiting to be accepted.");
        }
        refresh();
    }

    private long serverId() {
        return servers.findByBmcIp(bmcIp).map(Server::getId).orElseThrow(() -> new IllegalStateException("server gone"));
    }

    private static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public Map<String, Integer> getRanges() { return DashboardBacking.RANGES; }
    public String getBmcIp() { return bmcIp; }
    public ServerView getServer() { return server; }
    public ServerEventsModel getEventModel() { return eventModel; }
    public String getSeverity() { return severity; }
    public void setSeverity(String severity) { this.severity = severity == null ? "" : severity; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text == null ? "" : text; }
    public String getEventRange() { return eventRange; }
    public void setEventRange(String range) {
        String changed = DashboardBacking.RANGES.containsKey(range) ? range : "7d";
        boolean reload = server != null && !changed.equals(eventRange);
        this.eventRange = changed;
        if (reload) {
            refresh();
        }
    }
    public List<SensorGroup> getSensorGroups() { return sensorGroups; }
    public String getChartSensor() { return chartSensor; }
    public String getChartRange() { return chartRange; }
    public void setChartRange(String range) { this.chartRange = DashboardBacking.RANGES.containsKey(range) ? range : "24h"; }
    public String getChartJson() { return chartJson; }
    public String getProtocol() { return protocol; }
    public boolean isRedfish() { return redfish; }
    /** Where the power draw comes from, as the page names it. */
    public String getPowerSource() { return redfish ? "Redfish" : "DCMI"; }
    public CertificatePin getCertificate() { return certificate; }
    public String colons(String sha256) { return sha256 == null ? "" : CertificatePin.colons(sha256); }
}
