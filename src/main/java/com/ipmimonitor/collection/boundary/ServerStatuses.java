package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.entity.ServerStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Read access to what the last poll of each server found. */
@Stateless
public class ServerStatuses {

    @PersistenceContext
    EntityManager em;

    public Optional<ServerStatus> find(long serverId) {
        return Optional.ofNullable(em.find(ServerStatus.class, serverId));
    }
}
