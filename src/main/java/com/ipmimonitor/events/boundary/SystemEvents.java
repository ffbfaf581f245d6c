package com.ipmimonitor.events.boundary;

import com.ipmimonitor.events.entity.SelEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * A server's stored SEL history: read it, delete it. Storing a poll's records is {@link SelIngest}'s, counting
 * them {@link EventCounts}'.
 */
@Stateless
public class SystemEvents {

    @PersistenceContext
    EntityManager em;

    public List<SelEvent> ofServer(long serverId, int limit) {
        return em.createNamedQuery(SelEvent.BY_SERVER, SelEvent.class).setParameter("serverId", serverId)
                .setMaxResults(limit).getResultList();
    }

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Deleted events do not change the newest id the fleet's counts are kept by: they are read again after the commit. */
    public int deleteOf(long serverId) {
        int deleted = em.createQuery("delete from SelEvent e where e.serverId = :id").setParameter("id", serverId).executeUpdate();
        AfterCommit.run(transactions, EventCounts::forget);
        return deleted;
    }
}
