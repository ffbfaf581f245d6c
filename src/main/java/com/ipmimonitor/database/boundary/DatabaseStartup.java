package com.ipmimonitor.database.boundary;

import com.ipmimonitor.database.control.EmbeddedDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date (Flyway) before any other bean touches the database.
 */
@DataSourceDefinition(name = "java:app/jdbc/ipmimon",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 40)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class.getName());

    @Resource(lookup = "java:app/jdbc/ipmimon")
    DataSource dataSource;

    @PostConstruct
    void start() {
        // normally already running: the persistence provider starts it before the container validates the unit
        Config config = ConfigProvider.getConfig();
        EmbeddedDatabase.startIfDefault(name -> config.getValue(name, String.class));
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        LOG.info("database schema at version " + result.targetSchemaVersion);
    }

    @PreDestroy
    void stop() {
        EmbeddedDatabase.stop();
    }
}
