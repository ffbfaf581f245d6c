package com.ipmimonitor.retention.boundary;

import com.ipmimonitor.retention.entity.RetainedTable;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** One batch of a purge, in a transaction of its own: short, so it never holds locks or WAL for long. */
@Stateless
public class RetentionBatches {

    @PersistenceContext
    EntityManager em;

    /** Returns the number of rows deleted (at most limit). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteOlderThan(RetainedTable table, int days, int limit) {
        return em.createNativeQuery(table.deleteBatchSql()).setParameter(1, days).setParameter(2, limit)
                .executeUpdate();
    }
}
