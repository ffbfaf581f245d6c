package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.redfish.boundary.CertificateAccepted;
import com.ipmimonitor.sql.NativeRow;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Hands out due servers with a lease in PostgreSQL (FOR UPDATE SKIP LOCKED), so several instances share
 * one fleet without polling a BMC twice, and a dead instance's servers come back when its leases expire.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PollLeases {

    static final String CLAIM = claim("");

    /** Only servers whose SEL was never read: first reads, which have collector slots of their own (PollDispatcher). */
    static final String CLAIM_FIRST_READS = claim("and st.sel_entries is null");

    private static String claim(String only) {
        return """
            with due as (
                select st.server_id from server_status st join server s on s.id = st.server_id
                 where s.enabled %s
                   and (st.lease_until is null or st.lease_until < now())
                   and (st.last_attempt_at is null or st.last_attempt_at < now() - make_interval(secs => ?1))
                 order by st.last_attempt_at nulls first
                 limit ?2
                 for update of st skip locked)
            update server_status st set lease_owner = ?3, lease_until = now() + make_interval(secs => ?4),
                   last_attempt_at = now()
              from due where st.server_id = due.server_id
            returning st.server_id""".formatted(only);
    }

    @PersistenceContext
    EntityManager em;

    public List<Long> claim(String owner, int limit, Duration interval, Duration lease) {
        return claim(CLAIM, owner, limit, interval, lease);
    }

    /** Like claim, among the servers whose SEL was never read. */
    public List<Long> claimFirstReads(String owner, int limit, Duration interval, Duration lease) {
        return claim(CLAIM_FIRST_READS, owner, limit, interval, lease);
    }

    private List<Long> claim(String sql, String owner, int limit, Duration interval, Duration lease) {
        if (limit <= 0) {
            return List.of();
        }
        ensureStatusRows();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(sql)
                .setParameter(1, seconds(interval))
                .setParameter(2, limit)
                .setParameter(3, owner)
                .setParameter(4, seconds(lease))
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Seconds with their fraction: a due time of 57.5 s must not become 57. */
    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Leases one given server now (for an archive-then-clear); false when another poll holds it. */
    public boolean claimOne(long serverId, String owner, Duration lease) {
        em.createNativeQuery("insert into server_status (server_id) values (?1) on conflict do nothing")
                .setParameter(1, serverId).executeUpdate();
        return em.createNativeQuery("update server_status set lease_owner = ?2, lease_until = now() + make_interval(secs => ?3),"
                        + " last_attempt_at = now() where server_id = ?1 and (lease_until is null or lease_until < now())")
                .setParameter(1, serverId).setParameter(2, owner).setParameter(3, (double) lease.toSeconds())
                .executeUpdate() == 1;
    }

    public void release(long serverId, String owner) {
        em.createNativeQuery("update server_status set lease_owner = null, lease_until = null"
                        + " where server_id = ?1 and lease_owner = ?2")
                .setParameter(1, serverId).setParameter(2, owner).executeUpdate();
    }

    /**
     * An instance that stops in order hands back the leases of its polls under way, and makes their servers due
     * at once: their polls were cut short. Otherwise those servers would wait out the lease (4 x the ipmitool
     * timeout + 60 s, 9 minutes by default), since a restarted instance has another owner name (pid@host).
     */
    public int releaseAll(String owner) {
        return em.createNativeQuery("update server_status set lease_owner = null, lease_until = null, last_attempt_at = null"
                        + " where lease_owner = ?1")
                .setParameter(1, owner).executeUpdate();
    }

    /** A lease still running: who holds it and until when (UTC, ISO 8601). */
    public record Lease(String owner, String until) {
    }

    /** The lease on one server, when one is held now. */
    public Optional<Lease> findLease(long serverId) {
        return NativeRow.first(em.createNativeQuery("select lease_owner, " + UTC_TEXT + " from server_status"
                        + " where server_id = ?1 and lease_until > now()")
                .setParameter(1, serverId)).map(PollLeases::lease);
    }

    /** The leases held now on enabled servers, by any instance. */
    public List<Lease> findLeases() {
        return NativeRow.list(em.createNativeQuery("select st.lease_owner, " + UTC_TEXT.replace("lease_until", "st.lease_until")
                        + " from server_status st join server s on s.id = st.server_id where s.enabled and st.lease_until > now()"))
                .stream().map(PollLeases::lease).toList();
    }

    private static final String UTC_TEXT = "floor(extract(epoch from lease_until)) as until_epoch";

    private static Lease lease(NativeRow row) {
        return new Lease(String.valueOf(row.string("lease_owner")), Instant.ofEpochSecond(row.longValue("until_epoch")).toString());
    }

    /** Makes one server due at the next tick ("collect now"). */
    public int makeDue(long serverId) {
        ensureStatusRows();
        return em.createNativeQuery("update server_status set last_attempt_at = null where server_id = ?1")
                .setParameter(1, serverId).executeUpdate();
    }

    /** A Redfish BMC's new certificate was trusted: polled at the next tick, made due with the accept or not at all. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void certificateAccepted(@Observes CertificateAccepted accepted) {
        makeDue(accepted.serverId());
    }

    /** Makes every server due at the next tick ("collect all", "collect sensors"); returns how many. */
    public int makeAllDue() {
        ensureStatusRows();
        return em.createNativeQuery("update server_status set last_attempt_at = null").executeUpdate();
    }

    /** A server added since the last tick has no status row yet. */
    private void ensureStatusRows() {
        // only the missing ones: "on conflict do nothing" over every server would check each existing row and wait
        // for any poll's transaction still updating one
        em.createNativeQuery("""
                insert into server_status (server_id)
                select s.id from server s where not exists (select 1 from server_status st where st.server_id = s.id)
                on conflict do nothing""").executeUpdate();
    }
}
