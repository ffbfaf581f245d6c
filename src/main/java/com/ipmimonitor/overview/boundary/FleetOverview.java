package com.ipmimonitor.overview.boundary;

import com.ipmimonitor.concurrent.ReadCache;
import com.ipmimonitor.collection.entity.SelFill;
import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.events.boundary.EventCounts;
import com.ipmimonitor.ipmi.Severity;
import com.ipmimonitor.fleet.entity.FleetEdits;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/** Every server with its last poll and its event counts in a time window: the dashboard and /api/servers. */
@Stateless
public class FleetOverview {

    /*
     * Every server with its last poll, read as plain rows: building, registering and comparing 2,000 entities was
     * a third of the CPU time of /api/servers at 1,000 servers, and it decrypted every stored BMC password to say
     * whether there is one (a stored one is never empty: CredentialCipher stores "" as null).
     */
    private static final String LISTED = """
            select s.id, s.bmc_ip, s.bmc_port, s.server_name, s.server_ip, s.enabled, s.use_nvidia_password,
                   s.ipmi_pass_enc is not null as has_password, s.notes, st.power_state,
                   coalesce(st.reachable, false) as reachable, st.last_outcome, st.last_error, st.last_attempt_at,
                   st.last_success_at, st.sel_entries, st.sel_percent_used,
                   coalesce(st.sel_overflow, false) as sel_overflow,
                   coalesce(s.cipher_suite, st.cipher_suite_used) as cipher_suite, s.protocol
              from server s left join server_status st on st.server_id = s.id
             order by s.server_name""";

    @PersistenceContext
    EntityManager em;

    @Inject
    EventCounts events;

    @Resource
    ManagedExecutorService renewer;

    @Resource
    SessionContext context;

    /**
     * How late a poll's result may show in the list. Reading and writing the 1,000 rows of a large fleet took most of
     * the CPU of each dashboard view and GET /api/servers while the fleet was polled, and its polls change some row
     * every few milliseconds; a reading is therefore shared for this long. A stored event (on any instance), and a
     * server added, changed or deleted or events deleted through this instance, show at once. Past half this age the
     * next request starts the next reading in the background and is answered from the current one: at 20 dashboard
     * views a second, the one view in twenty that read the fleet itself was the dashboard's 95th percentile.
     */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    /** The time windows a reading is kept for: the ranges the pages offer (a request may name any other). */
    private static final Set<Integer> KEPT_HOURS = Set.of(1, 2, 4, 6, 12, 24, 48, 72, 168, 720);

    private static final ReadCache<Integer, FleetListing> LISTINGS = new ReadCache<>(MAX_AGE);

    /** Every server with its last poll and its event counts of the last hours, as read at most MAX_AGE ago. */
    public FleetListing listing(int hours) {
        if (!keeps(hours)) {
            return read(hours);
        }
        FleetOverview self = self();
        return LISTINGS.get(hours, version(), () -> self.read(hours), renewer());
    }

    /** This bean as the container calls it: a renewal reads on another thread, in a transaction of its own. */
    FleetOverview self() {
        return context.getBusinessObject(FleetOverview.class);
    }

    Executor renewer() {
        return renewer;
    }

    /**
     * Changes after each commit of this JVM that stored or deleted events or wrote a server: a reading made before
     * is not used. Kept in memory, not asked of the database (the newest event id, as before, made each view wait for
     * PostgreSQL while the fleet's polls kept it busy); what another instance stores shows within MAX_AGE.
     */
    long version() {
        return EventCounts.stores() + EventCounts.deletions() + FleetEdits.generation();
    }

    /** Tests: every window is read again at the next request. */
    static void forgetListings() {
        LISTINGS.forget();
    }

    /** Whether readings of this window are shared (the others are read for each request). */
    public static boolean keeps(int hours) {
        return KEPT_HOURS.contains(hours);
    }

    public List<ServerView> servers(int hours) {
        return listing(hours).servers();
    }

    /** The fleet as it is now, read for this caller alone (listing shares a reading). */
    public FleetListing read(int hours) {
        Map<Long, Map<Severity, Long>> counts = events.countsBySeverity(hours);
        Map<Long, Long> totals = events.totalsByServer();
        return new FleetListing(NativeRow.list(em.createNativeQuery(LISTED)).stream().map(FleetOverview::listed)
                .map(row -> row.with(counts.getOrDefault(row.id(), Map.of()), totals.getOrDefault(row.id(), 0L)))
                .toList());
    }

    static ServerView.Row listed(NativeRow r) {
        return new ServerView.Row(r.longValue("id"), r.string("bmc_ip"), r.intValue("bmc_port"), r.string("server_name"),
                r.string("server_ip"), r.bool("enabled"), r.bool("use_nvidia_password"), r.bool("has_password"),
                r.string("notes"), r.string("power_state"), r.bool("reachable"), r.string("last_outcome"),
                r.string("last_error"), r.time("last_attempt_at"), r.time("last_success_at"), r.integer("sel_entries"),
                new SelFill(r.integer("sel_percent_used"), r.bool("sel_overflow")), r.integer("cipher_suite"),
                r.string("protocol"));
    }

    /** One server with its last poll and its event counts of the last hours, as the list has it. */
    public Optional<ServerView> find(String bmcIp, int hours) {
        return listing(hours).find(bmcIp);
    }
}
