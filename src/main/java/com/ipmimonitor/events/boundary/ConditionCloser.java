package com.ipmimonitor.events.boundary;

import com.ipmimonitor.sql.ArrayParameters;
import com.ipmimonitor.events.entity.SelEvent;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Closes the open assertions of a sensor condition when its deassertion is stored, in the ingest's transaction. */
@Stateless
public class ConditionCloser {

    /*
     * What one UPDATE per new deassertion did, in list order, in one statement: each deassertion closes the open
     * assertions of its sensor condition (untimed: all of them, at the transaction's time; timed: those not later
     * than it, at its time). An assertion several deassertions match was closed by the first of them (the later
     * ones skip closed rows): distinct on (id) ... order by n keeps that one. The join matches the partial index
     * sel_event_open_assertions (V6).
     */
    private static final String CLOSE_ASSERTED = """
            update sel_event target set resolved_at = closing.at
              from (select distinct on (open.id) open.id, coalesce(d.at, now()) as at
                      from unnest(cast(?1 as bigint[]), cast(?2 as integer[]), cast(?3 as integer[]),
                                  cast(?4 as integer[]), cast(?5 as timestamptz[]))
                           with ordinality as d(server_id, sensor_number, event_type_code, event_offset, at, n)
                      join sel_event open on open.server_id = d.server_id and open.sensor_number = d.sensor_number
                           and open.event_type_code = d.event_type_code and open.event_offset = d.event_offset
                           and not open.deassertion and open.resolved_at is null
                           and (d.at is null or open.event_time is null or open.event_time <= d.at)
                     order by open.id, d.n) closing
             where target.id = closing.id""";

    // rows stored closed for a deassertion the INSERT then did not store (it was stored before): open again, so the
    // close UPDATE decides them as it does every open row
    private static final String REOPEN = """
            update sel_event set resolved_at = null
             where (server_id, fingerprint) in (select * from unnest(cast(?1 as bigint[]), cast(?2 as varchar[])))""";

    @PersistenceContext
    EntityManager em;

    /** Opens again records stored closed by a deassertion that turned out to be stored already. */
    public void reopen(List<SelEvent> records) {
        if (!records.isEmpty()) {
            ArrayParameters.bind(em.createNativeQuery(REOPEN), records,
                    List.of(SelEvent::getServerId, SelEvent::getFingerprint)).executeUpdate();
        }
    }

    /** Closes what the newly stored deassertions close, as one UPDATE per deassertion in list order would. */
    public void closeAsserted(List<SelEvent> deassertions) {
        if (deassertions.isEmpty()) {
            return;
        }
        ArrayParameters.bind(em.createNativeQuery(CLOSE_ASSERTED), deassertions, List.of(SelEvent::getServerId,
                e -> e.findSensorNumber().get(), e -> e.findEventTypeCode().get(), e -> e.findEventOffset().orElse(0),
                e -> e.findEventTime().orElse(null)))
                .executeUpdate();
    }
}
