package com.ipmimonitor.redfish.boundary;

import com.ipmimonitor.sql.NativeRow;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Trust on first use, as the poller honours it (table bmc_certificate): the fingerprint pinned at the first
 * successful poll, and the other one a BMC presented instead, for an admin to accept (copied into pinned_sha256).
 * Fingerprints are SHA-256 in lower-case hex.
 */
@Stateless
public class TrustedCertificates {

    // first success: pin; later successes: the BMC presents the pinned one again, so an earlier mismatch is over
    private static final String PIN = """
            insert into bmc_certificate (server_id, pinned_sha256, pinned_at) values (?1, ?2, now())
            on conflict (server_id) do update set presented_sha256 = null, presented_at = null
             where bmc_certificate.pinned_sha256 = excluded.pinned_sha256
               and bmc_certificate.presented_sha256 is not null""";

    @PersistenceContext
    EntityManager em;

    public Optional<String> findPinned(long serverId) {
        return NativeRow.first(em.createNativeQuery("select pinned_sha256 from bmc_certificate where server_id = ?1")
                .setParameter(1, serverId)).map(r -> r.string("pinned_sha256"));
    }

    /** After a successful poll (in its transaction): pins the certificate it saw if none is pinned yet. */
    public void pin(long serverId, String sha256) {
        em.createNativeQuery(PIN).setParameter(1, serverId).setParameter(2, sha256).executeUpdate();
    }

    /** The BMC presents another certificate than the pinned one: remembered for an admin to accept. */
    public void presented(long serverId, String sha256) {
        em.createNativeQuery("""
                update bmc_certificate set presented_sha256 = ?2, presented_at = now()
                 where server_id = ?1 and pinned_sha256 <> ?2""")
                .setParameter(1, serverId).setParameter(2, sha256).executeUpdate();
    }
}
