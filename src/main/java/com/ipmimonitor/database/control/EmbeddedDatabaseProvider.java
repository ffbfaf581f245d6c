package com.ipmimonitor.database.control;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitInfo;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * EclipseLink, started only after the embedded PostgreSQL is up. The container validates the persistence
 * unit by connecting while the application is still being prepared, before any bean of ours can run, so the
 * provider is the earliest hook that sees our configuration.
 */
public class EmbeddedDatabaseProvider extends PersistenceProvider {

    @Override
    public EntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info, Map properties) {
        var config = ConfigProvider.getConfig(info.getClassLoader());
        EmbeddedDatabase.startIfDefault(name -> config.getValue(name, String.class));
        return super.createContainerEntityManagerFactory(info, properties);
    }
}
