package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.control.PollDispatcher;
import com.ipmimonitor.collection.control.PreviousLife;
import com.ipmimonitor.concurrent.OrderlyStop;
import com.ipmimonitor.concurrent.TimerWork;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Every few seconds, claims as many due servers as there are free collector threads and hands them to the
 * managed executor. Claiming only free slots means slow BMCs never pile up queued tasks; the lease means no
 * BMC is polled twice at once, by this instance or another. The poll interval (PollInterval) is read on every claim.
 */
@ManagedExecutorDefinition(name = "java:app/concurrent/Collectors", maxAsync = 64)
@Singleton
@Startup
@DependsOn("DatabaseStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class.getName());
    private static final String STOP_STEP = "collection";

    @Resource(lookup = "java:app/concurrent/Collectors")
    ManagedExecutorService executor;

    @Inject
    PollLeases leases;

    @Inject
    Collector collector;

    @Inject
    CollectionConfig config;

    @Inject
    PollInterval interval;

    /** How often tick() runs (its @Schedule says the same). */
    static final Duration TICK = Duration.ofSeconds(5);

    private final AtomicReference<OffsetDateTime> lastTick = new AtomicReference<>();
    private final Set<Long> unreleased = ConcurrentHashMap.newKeySet();
    private final TimerWork dispatch = new TimerWork("poll dispatch", this::dispatchOnce);
    private PollDispatcher dispatcher;

    @PostConstruct
    void init() {
        dispatcher = new PollDispatcher(executor, config::threads,
                free -> leases.claim(config.instanceId(), free, dueAfter(interval.current()), config.leaseDuration()),
                config::firstReadSessions,
                free -> leases.claimFirstReads(config.instanceId(), free, dueAfter(interval.current()), config.leaseDuration()),
                this::collectAndRelease);
        OrderlyStop.beforeTheDatabaseStops(STOP_STEP, this::stopCollecting);
        takeBackPreviousLife();
    }

    /**
     * The leases an earlier start with this DATA_DIR still held when it died (kill -9, power loss) go back at once
     * and their servers are due (PreviousLife); otherwise they would wait out the leases, 9 minutes by default.
     */
    private void takeBackPreviousLife() {
        PreviousLife.takeOver(config.dataDir(), config.instanceId()).ifPresent(previous -> {
            try {
                int taken = leases.releaseAll(previous);
                LOG.info("took back " + taken + " lease(s) of " + previous + ", this DATA_DIR's previous instance");
            } catch (RuntimeException e) {
                LOG.warning("leases of " + previous + " not taken back (" + e.getMessage() + "); they expire after "
                        + config.leaseDuration().toSeconds() + " s");
            }
        });
    }

    /**
     * A server is claimed once its interval less half a tick has passed since its last claim, so it goes at the tick
     * nearest its due time (every interval on average, never more than half a tick early); claimed only after the
     * whole interval, it would go up to a tick late every time and drift behind its interval.
     */
    static Duration dueAfter(Duration interval) {
        return interval.minus(TICK.dividedBy(2));
    }

    /** Undeploy (Payara Server); SIGTERM runs the same step through OrderlyStop's shutdown hook. */
    @PreDestroy
    void stop() {
        OrderlyStop.forget(STOP_STEP);
        stopCollecting();
    }

    /**
     * No new polls, no ipmitool left running, and the leases of the polls cut short go back (their servers due at
     * once), before the database goes. Without this, those servers would wait out their leases after a restart:
     * 9 minutes by default, since the restarted instance has another name (pid@host).
     */
    private void stopCollecting() {
        dispatcher.stop();
        config.stopIpmitool();
        try {
            int released = leases.releaseAll(config.instanceId());
            LOG.info("stopping: released " + released + " lease(s) of polls under way");
        } catch (RuntimeException e) {
            LOG.warning("stopping: leases not released (" + e.getMessage() + "); they expire after "
                    + config.leaseDuration().toSeconds() + " s");
        }
    }

    /** The callback only hands the dispatch over (see TimerWork: Payara expunges timers whose deliveries fail). */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        lastTick.set(OffsetDateTime.now(ZoneOffset.UTC));
        dispatch.start(executor);
    }

    private void dispatchOnce() {
        retryReleases();
        dispatcher.dispatch();
    }

    private void collectAndRelease(long serverId) {
        unreleased.remove(serverId); // polled again: an old release must not drop this poll's lease
        try {
            collector.collect(serverId);
        } finally {
            release(serverId);
        }
    }

    /**
     * A lease that could not be released (the database was down when the poll ended) is released at the next
     * ticks, rather than blocking its server until the lease runs out (minutes, by design for crashed instances).
     * Should the database stay away longer than a lease and the server be claimed anew in the very moment of a
     * retry, that retry could end the new lease early: at worst one extra poll, never a lost record.
     */
    private void release(long serverId) {
        try {
            leases.release(serverId, config.instanceId());
            unreleased.remove(serverId);
        } catch (RuntimeException e) {
            unreleased.add(serverId);
            LOG.warning("lease of server " + serverId + " not released (" + e.getMessage() + "); retried at the next tick");
        }
    }

    private void retryReleases() {
        List.copyOf(unreleased).forEach(this::release);
    }

    public Optional<OffsetDateTime> findLastTick() {
        return Optional.ofNullable(lastTick.get());
    }

    public int running() {
        return dispatcher.running();
    }
}
