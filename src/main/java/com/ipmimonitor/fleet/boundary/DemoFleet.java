package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.control.InventoryTsv;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads the simulated demo fleet's inventory into an empty database, so a first run shows real data. */
@Singleton
@Startup
@DependsOn("DatabaseStartup")
public class DemoFleet {

    private static final Logger LOG = Logger.getLogger(DemoFleet.class.getName());

    @Inject
    @ConfigProperty(name = "demo.inventory")
    Optional<String> inventory;

    @Inject
    Servers servers;

    @PostConstruct
    void importIfEmpty() {
        if (inventory.isEmpty() || servers.count() > 0) {
            return;
        }
        String file = inventory.get();
        try {
            var read = InventoryTsv.load(Files.readString(Path.of(file)));
            read.errors().forEach(problem -> LOG.warning("demo inventory " + file + ": " + problem + "; row skipped"));
            var loaded = read.servers();
            loaded.forEach(servers::add);
            LOG.info("imported " + loaded.size() + " demo servers from " + file);
        } catch (IOException e) {
            LOG.warning("cannot read demo inventory " + file + ": " + e.getMessage());
        }
    }
}
