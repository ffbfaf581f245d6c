package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.entity.ServerStatus;
import com.ipmimonitor.fleet.boundary.ServerProtocolChanged;
import jakarta.enterprise.event.Observes;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** What the last poll of each server found: read access, and forgetting what no longer holds. */
@Stateless
public class ServerStatuses {

    @PersistenceContext
    EntityManager em;

    public Optional<ServerStatus> find(long serverId) {
        return Optional.ofNullable(em.find(ServerStatus.class, serverId));
    }

    /** The server's status row, created at its first poll; in the caller's transaction (a poll's recorder). */
    public ServerStatus statusOf(long serverId) {
        return find(serverId).orElseGet(() -> {
            ServerStatus status = new ServerStatus(serverId);
            em.persist(status);
            return status;
        });
    }

    /** The protocol an auto probe found was for the old setting: the next poll of an auto server probes again. */
    public void forgetDetectedProtocol(@Observes ServerProtocolChanged changed) {
        em.createNativeQuery("update server_status set protocol_detected = null where server_id = ?1")
                .setParameter(1, changed.serverId()).executeUpdate();
    }
}
