package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.sql.NativeRow;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The certificate pins of Redfish BMCs (table bmc_certificate, written by collection at the first successful poll
 * and when a BMC presents another certificate), and an admin's acceptance of a changed one.
 */
@Stateless
public class CertificatePins {

    private static final Logger LOG = Logger.getLogger(CertificatePins.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PollLeases leases;

    public Optional<CertificatePin> find(long serverId) {
        return NativeRow.first(em.createNativeQuery("""
                        select pinned_sha256, pinned_at, presented_sha256, presented_at from bmc_certificate
                         where server_id = ?1""").setParameter(1, serverId))
                .map(r -> new CertificatePin(r.string("pinned_sha256"), r.time("pinned_at"),
                        Optional.ofNullable(r.string("presented_sha256")), Optional.ofNullable(r.time("presented_at"))));
    }

    /**
     * Trusts the certificate the BMC presented instead of the pinned one, and polls it soon. False when no changed
     * certificate is pending (nothing is written): an admin accepts only what a poll saw, never a fingerprint typed in.
     */
    public boolean accept(long serverId) {
        int changed = em.createNativeQuery("""
                update bmc_certificate set pinned_sha256 = presented_sha256, pinned_at = now(),
                       presented_sha256 = null, presented_at = null
                 where server_id = ?1 and presented_sha256 is not null""").setParameter(1, serverId).executeUpdate();
        if (changed == 0) {
            return false;
        }
        leases.makeDue(serverId);
        LOG.info(() -> "server " + serverId + ": the BMC's new certificate was accepted; it is polled again");
        return true;
    }
}
