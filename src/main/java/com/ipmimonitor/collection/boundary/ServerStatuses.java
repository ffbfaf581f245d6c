package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.entity.ServerStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * What the last poll of each server found. What an auto probe found is forgotten by the database when the protocol
 * changes (trigger server_protocol_changed, V12_52).
 */
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
}
