package com.ipmimonitor.events.boundary;

import com.ipmimonitor.events.entity.SelEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    public int deleteOf(long serverId) {
        return em.createQuery("delete from SelEvent e where e.serverId = :id").setParameter("id", serverId).executeUpdate();
    }
}
