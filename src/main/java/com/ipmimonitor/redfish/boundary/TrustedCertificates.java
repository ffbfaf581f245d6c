package com.ipmimonitor.redfish.boundary;

import com.ipmimonitor.redfish.entity.CertificatePin;
import com.ipmimonitor.sql.NativeRow;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Trust on first use, as the poller honours it, and the one owner of table bmc_certificate: every write, and the
 * reads of the poller, the server page and the API (alerting's facts query only joins it). It holds the fingerprint
 * pinned at the first successful poll, and the other one a BMC presented instead, for an admin to accept (copied
 * into pinned_sha256). Fingerprints are SHA-256 in lower-case hex.
 */
@Stateless
public class TrustedCertificates {

    private static final Logger LOG = Logger.getLogger(TrustedCertificates.class.getName());

    // first success: pin; later successes: the BMC presents the pinned one again, so an earlier mismatch is over
    private static final String PIN = """
            insert into bmc_certificate (server_id, pinned_sha256, pinned_at) values (?1, ?2, now())
            on conflict (server_id) do update set presented_sha256 = null, presented_at = null
             where bmc_certificate.pinned_sha256 = excluded.pinned_sha256
               and bmc_certificate.presented_sha256 is not null""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CertificateAccepted> accepted;

    /** The pin and any certificate presented instead, for the server page and the API. */
    public Optional<CertificatePin> find(long serverId) {
        return NativeRow.first(em.createNativeQuery("""
                        select pinned_sha256, pinned_at, presented_sha256, presented_at from bmc_certificate
                         where server_id = ?1""").setParameter(1, serverId))
                .map(r -> new CertificatePin(r.string("pinned_sha256"), r.time("pinned_at"),
                        Optional.ofNullable(r.string("presented_sha256")), Optional.ofNullable(r.time("presented_at"))));
    }

    public Optional<String> findPinned(long serverId) {
        return find(serverId).map(CertificatePin::pinnedSha256);
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

    /**
     * Trusts the certificate the BMC presented instead of the pinned one, and announces it (collection polls the
     * server soon, in this transaction). False when no changed certificate is pending (nothing is written): an admin
     * accepts only what a poll saw, never a fingerprint typed in.
     */
    public boolean accept(long serverId) {
        int changed = em.createNativeQuery("""
                update bmc_certificate set pinned_sha256 = presented_sha256, pinned_at = now(),
                       presented_sha256 = null, presented_at = null
                 where server_id = ?1 and presented_sha256 is not null""").setParameter(1, serverId).executeUpdate();
        if (changed == 0) {
            return false;
        }
        accepted.fire(new CertificateAccepted(serverId));
        LOG.info(() -> "server " + serverId + ": the BMC's new certificate was accepted; it is polled again");
        return true;
    }
}
