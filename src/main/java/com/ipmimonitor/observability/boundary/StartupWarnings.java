package com.ipmimonitor.observability.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Says loudly, at every start, when secrets are still at their shipped defaults. */
@Singleton
@Startup
public class StartupWarnings {

    private static final Logger LOG = Logger.getLogger(StartupWarnings.class.getName());
    static final String DEFAULT_ADMIN_PASS = "changeme";
    static final String DEFAULT_SECRET_KEY = "change-me-ipmi-monitor-secret";

    @PostConstruct
    void warn() {
        Config config = ConfigProvider.getConfig();
        if (DEFAULT_ADMIN_PASS.equals(config.getValue("admin.pass", String.class))) {
            LOG.warning("**************** ADMIN_PASS is the default 'changeme': anyone can sign in as admin. "
                    + "Set ADMIN_PASS. ****************");
        }
        if (DEFAULT_SECRET_KEY.equals(config.getValue("secret.key", String.class))) {
            LOG.warning("**************** SECRET_KEY is the shipped default: stored BMC passwords are encrypted "
                    + "with a public key. Set SECRET_KEY. ****************");
        }
    }
}
