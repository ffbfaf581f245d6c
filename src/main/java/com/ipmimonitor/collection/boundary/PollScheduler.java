package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.control.PollDispatcher;
import jakarta.annotation.PostConstruct;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
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

    private final AtomicReference<OffsetDateTime> lastTick = new AtomicReference<>();
    private PollDispatcher dispatcher;

    @PostConstruct
    void init() {
        dispatcher = new PollDispatcher(executor, config::threads,
                free -> leases.claim(config.instanceId(), free, interval.current(), config.leaseDuration()),
                this::collectAndRelease);
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        lastTick.set(OffsetDateTime.now(ZoneOffset.UTC));
        try {
            dispatcher.dispatch();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "poll dispatch failed", e);
        }
    }

    private void collectAndRelease(long serverId) {
        try {
            collector.collect(serverId);
        } finally {
            leases.release(serverId, config.instanceId());
        }
    }

    public Optional<OffsetDateTime> findLastTick() {
        return Optional.ofNullable(lastTick.get());
    }

    public int running() {
        return dispatcher.running();
    }
}
