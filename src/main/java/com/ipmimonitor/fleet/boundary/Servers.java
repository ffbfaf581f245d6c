package com.ipmimonitor.fleet.boundary;

import com.ipmimonitor.fleet.entity.Server;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The fleet: servers known by their BMC address. */
@Stateless
public class Servers {

    @PersistenceContext
    EntityManager em;

    public List<Server> all() {
        return em.createNamedQuery(Server.ALL, Server.class).getResultList();
    }

    public Optional<Server> find(long id) {
        return Optional.ofNullable(em.find(Server.class, id));
    }

    public Optional<Server> findByBmcIp(String bmcIp) {
        // no stored address holds U+0000 (ServerInput), and PostgreSQL would fail the query with a 500
        if (bmcIp == null || bmcIp.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return em.createNamedQuery(Server.BY_BMC_IP, Server.class).setParameter("bmcIp", bmcIp)
                .getResultStream().findFirst();
    }

    public long count() {
        return em.createQuery("select count(s) from Server s", Long.class).getSingleResult();
    }

    public Server update(Server server) {
        return em.merge(server);
    }

    /** Deletes the server; its status, events, sensor history and runs go with it (ON DELETE CASCADE). */
    public boolean delete(String bmcIp) {
        return findByBmcIp(bmcIp).map(s -> {
            em.remove(s);
            em.flush();
            return true;
        }).orElse(false);
    }

    /** Adds the new servers and stores the changed known ones, all or nothing: one transaction. */
    public int saveAll(List<Server> batch) {
        batch.forEach(s -> {
            if (s.getId() == null) {
                em.persist(s);
            } else {
                em.merge(s);
            }
        });
        em.flush();
        return batch.size();
    }

    public Server add(Server server) {
        em.persist(server);
        em.flush();
        return server;
    }
}
