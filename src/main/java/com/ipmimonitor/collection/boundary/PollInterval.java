package com.ipmimonitor.collection.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How often each server is polled: POLL_INTERVAL, unless an admin changed it on the settings page (stored in
 * app_setting, so every instance on the database follows). Read on every claim, hence cached for a few seconds.
 */
@ApplicationScoped
public class PollInterval {

    public static final int MIN_SECONDS = 10;
    public static final int MAX_SECONDS = 24 * 3600;
    static final String NAME = "poll.interval";
    private static final Duration CACHE = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    private volatile Duration cached;
    private volatile Instant readAt = Instant.EPOCH;

    public Duration current() {
        if (cached == null || Instant.now().isAfter(readAt.plus(CACHE))) {
            cached = Duration.ofSeconds(Math.max(5, stored().orElseGet(PollInterval::configured)));
            readAt = Instant.now();
        }
        return cached;
    }

    /** Stores a new interval for the whole fleet; out-of-range values are refused with a message. */
    @Transactional
    public void change(int seconds) {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("the poll interval must be between " + MIN_SECONDS + " and "
                    + MAX_SECONDS + " seconds");
        }
        em.createNativeQuery("""
                insert into app_setting (name, value) values (?1, ?2)
                on conflict (name) do update set value = excluded.value, updated_at = now()""")
                .setParameter(1, NAME).setParameter(2, String.valueOf(seconds)).executeUpdate();
        cached = Duration.ofSeconds(seconds);
        readAt = Instant.now();
    }

    private Optional<Integer> stored() {
        @SuppressWarnings("unchecked")
        List<String> values = em.createNativeQuery("select value from app_setting where name = ?1")
                .setParameter(1, NAME).getResultList();
        return values.stream().findFirst().map(Integer::valueOf);
    }

    static int configured() {
        return ConfigProvider.getConfig().getValue(NAME, Integer.class);
    }
}
