package com.ipmimonitor.observability.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when PostgreSQL answers a query. Its data carry what the original's /health showed operators:
 * timestamp (now) and last_collection (the latest poll of any server; absent before the first).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/ipmimon")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(5);
            var health = HealthCheckResponse.named("database").up().withData("timestamp", now);
            try (var rs = s.executeQuery("select max(last_attempt_at) from server_status")) {
                OffsetDateTime last = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                if (last != null) {
                    health.withData("last_collection", last.withOffsetSameInstant(ZoneOffset.UTC).toString());
                }
            }
            return health.build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("timestamp", now)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
