package com.ipmimonitor.collection.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the collector timer keeps ticking (every 5 s). The original only checked that its thread
 * existed, so a wedged collector still looked healthy.
 */
@Liveness
@ApplicationScoped
public class CollectorTimerHealth implements HealthCheck {

    static final Duration STALE_AFTER = Duration.ofSeconds(60);
    private final OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);

    @Inject
    PollScheduler scheduler;

    @Override
    public HealthCheckResponse call() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var lastTick = scheduler.findLastTick();
        boolean fresh = lastTick.map(t -> t.isAfter(now.minus(STALE_AFTER)))
                .orElse(started.isAfter(now.minus(STALE_AFTER)));
        return HealthCheckResponse.named("collector-timer").status(fresh)
                .withData("lastTick", lastTick.map(OffsetDateTime::toString).orElse("never"))
                .withData("running", scheduler.running()).withData("timestamp", now.toString()).build();
    }
}
