package com.ipmimonitor.events.boundary;

import com.ipmimonitor.sql.ArrayParameters;
import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.events.control.ConditionClosing;
import com.ipmimonitor.events.control.InsertChunks;
import com.ipmimonitor.ipmi.SeverityClassifier;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.ipmi.Severity;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores a poll's new SEL records once, classified, and has ConditionCloser close what their deassertions close. */
@Stateless
public class SelIngest {

    // many records in one statement with only 20 parameters: one array per column, unnested in list order
    private static final String INSERT = """
            insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at)
            select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at
              from unnest(cast(?1 as bigint[]), cast(?2 as integer[]), cast(?3 as integer[]), cast(?4 as timestamptz[]),
                          cast(?5 as bigint[]), cast(?6 as boolean[]), cast(?7 as varchar[]), cast(?8 as integer[]),
                          cast(?9 as integer[]), cast(?10 as varchar[]), cast(?11 as integer[]), cast(?12 as integer[]),
                          cast(?13 as boolean[]), cast(?14 as text[]), cast(?15 as text[]), cast(?16 as varchar[]),
                          cast(?17 as varchar[]), cast(?18 as varchar[]), cast(?19 as timestamptz[]),
                          cast(?20 as timestamptz[]))
                   with ordinality as r(server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at, n)
             order by n
            on conflict (server_id, fingerprint) do nothing
            returning server_id, fingerprint""";

    /** Records per INSERT: one statement (one round trip) stores up to this many records instead of one each. */
    static final int MAX_ROWS_PER_INSERT = 1000;

    private static final SeverityClassifier CLASSIFIER = new SeverityClassifier();

    @PersistenceContext
    EntityManager em;

    @Inject
    ConditionCloser closer;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Returns how many of the records were new (a re-read record has the same fingerprint and is skipped).
     * Records are inserted in multi-row statements (see {@link InsertChunks#chunks}); after each statement one
     * UPDATE closes what the deassertions it inserted close, so the result is the one of one INSERT (and one UPDATE
     * per new deassertion) per record in list order. An assertion that a deassertion of its own statement closes is
     * inserted closed already (see {@link ConditionClosing#closers}), which leaves the UPDATE only what other
     * statements stored and assertions closed at the transaction's time.
     */
    public int store(List<SelEvent> events) {
        events.forEach(e -> e.classify(classify(e)));
        int stored = 0;
        for (List<SelEvent> chunk : InsertChunks.chunks(events, MAX_ROWS_PER_INSERT)) {
            // the deassertions the INSERT is about to store, unless an earlier poll stored them
            List<SelEvent> storing = InsertChunks.closingDeassertions(chunk, InsertChunks.keysOf(chunk));
            Map<SelEvent, SelEvent> closers = ConditionClosing.closers(chunk, storing);
            Set<String> inserted = insert(chunk, closers);
            stored += inserted.size();
            List<SelEvent> closing = InsertChunks.closingDeassertions(chunk, inserted);
            closer.reopen(InsertChunks.storedClosedByMistake(chunk, closers, inserted, closing));
            closer.closeAsserted(closing);
        }
        if (stored > 0) {
            AfterCommit.run(transactions, EventCounts::stored);
        }
        return stored;
    }

    /**
     * The time of the newest stored record of the server that has one (its place, for a record without a
     * timestamp): where a record without a timestamp read next sits in time-sorted lists.
     */
    public Optional<OffsetDateTime> latestSortTime(long serverId) {
        return NativeRow.first(em.createNativeQuery("""
                select event_time from sel_event where server_id = ?1 and event_time is not null
                 order by id desc limit 1""").setParameter(1, serverId)).map(r -> r.time("event_time"));
    }

    static Severity classify(SelEvent e) {
        if (e.getSeverity() != null) {
            return e.getSeverity(); // a Redfish log entry says its own (Severity, MessageSeverity, MessageId)
        }
        if (e.findSensorTypeCode().isEmpty() || e.findEventTypeCode().isEmpty()) {
            return Severity.INFO; // OEM records carry no standard event semantics
        }
        return CLASSIFIER.classify(e.findSensorTypeCode().get(), e.findEventTypeCode().get(),
                e.findEventOffset().orElse(0), e.isDeassertion());
    }

    /**
     * Inserts the records in one statement, those with a closer closed at its time; returns the keys (server id,
     * fingerprint) of those that were new.
     */
    private Set<String> insert(List<SelEvent> chunk, Map<SelEvent, SelEvent> closers) {
        Query query = ArrayParameters.bind(em.createNativeQuery(INSERT), chunk, List.of(SelEvent::getServerId,
                SelEvent::getRecordId, SelEvent::getRecordTypeCode, e -> e.findSortTime().orElse(null),
                e -> e.findBmcTimestamp().orElse(null), SelEvent::isPreInit, SelEvent::getSensorType,
                e -> e.findSensorTypeCode().orElse(null), e -> e.findSensorNumber().orElse(null),
                e -> e.findSensorName().orElse(null), e -> e.findEventTypeCode().orElse(null),
                e -> e.findEventOffset().orElse(null), SelEvent::isDeassertion, SelEvent::getDescription,
                e -> e.findDetail().orElse(null), e -> e.getSeverity().name(), SelEvent::getRawHex,
                SelEvent::getFingerprint, SelEvent::getCollectedAt,
                e -> closers.containsKey(e) ? closers.get(e).findEventTime().get() : null));
        Set<String> inserted = new HashSet<>();
        for (NativeRow row : NativeRow.list(query)) {
            inserted.add(InsertChunks.key(row.longValue("server_id"), row.string("fingerprint")));
        }
        return inserted;
    }
}
