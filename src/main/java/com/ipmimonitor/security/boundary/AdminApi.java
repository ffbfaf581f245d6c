package com.ipmimonitor.security.boundary;

import java.util.Set;

/**
 * Which API calls need the admin role: everything that changes state (any method but GET/HEAD/OPTIONS),
 * the server export and the credential settings (/api/config/...), which carry the fleet's addresses and user
 * names, and the alert channels (where the
 * fleet's alerts go). Resource methods carry
 * @RolesAllowed as well; this rule lets the authentication mechanism answer 401 before JAX-RS runs.
 */
final class AdminApi {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String CONFIG = "/api/config/";
    private static final Set<String> ADMIN_READS = Set.of("/api/servers/export", "/api/alert-channels");

    private AdminApi() {
    }

    static boolean requiresAdmin(String method, String path) {
        // /api/config/* holds BMC user names, which the original showed to anyone
        return !READ_METHODS.contains(method) || ADMIN_READS.contains(path) || path.startsWith(CONFIG);
    }
}
