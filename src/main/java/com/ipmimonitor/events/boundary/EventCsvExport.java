package com.ipmimonitor.events.boundary;

import com.ipmimonitor.events.control.CsvCells;
import com.ipmimonitor.events.entity.SelEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes events as RFC 4180 CSV (UTF-8) straight from a database cursor, so an export of millions of rows
 * never sits in memory. Plain JDBC because the row count is unbounded: PostgreSQL streams only inside a
 * transaction with a fetch size.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventCsvExport {

    private static final int OEM_FIRST = 0xC0;

    static final String[] HEADER = {"date", "bmc_ip", "server_name", "severity", "sensor_type", "sensor_name",
        "description", "direction", "sel_id", "collected_at", "raw"};

    @Resource(lookup = "java:app/jdbc/ipmimon")
    DataSource dataSource;

    public void write(EventFilter filter, Writer out) throws IOException {
        StringBuilder sql = new StringBuilder("""
                select case when e.record_type < %d then e.event_time end, s.bmc_ip, s.server_name, e.severity, e.sensor_type, e.sensor_name, e.description,
                       e.deassertion, e.record_id, e.collected_at, e.raw_hex, e.record_type
                  from sel_event e join server s on s.id = e.server_id
                 where coalesce(e.event_time, e.collected_at) >= ?""".formatted(SelEvent.FIRST_NON_TIMESTAMPED));
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC)
                .minusHours(filter.hours()).toInstant())));
        filter.severity().ifPresent(sev -> {
            sql.append(" and e.severity = ?");
            params.add(sev.name());
        });
        filter.server().ifPresent(srv -> {
            sql.append(" and (s.bmc_ip = ? or s.server_name = ?)");
            params.add(srv);
            params.add(srv);
        });
        filter.text().ifPresent(text -> {
            sql.append(" and (strpos(lower(e.description), lower(?)) > 0 or strpos(lower(coalesce(e.sensor_name, '')),"
                    + " lower(?)) > 0 or strpos(lower(coalesce(e.sensor_type, '')), lower(?)) > 0)");
            params.addAll(List.of(text, text, text));
        });
        sql.append(" order by coalesce(e.event_time, e.collected_at) desc, e.id desc");
        // not closed here: closing the printer closes the caller's writer, whose flush then fails with "Stream
        // closed" (an empty export answered 500, found by ApiFuzzIT); the caller owns the stream
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var q = c.prepareStatement(sql.toString())) {
                q.setFetchSize(1000);
                for (int i = 0; i < params.size(); i++) {
                    q.setObject(i + 1, params.get(i));
                }
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        csv.printRecord(time(rs.getTimestamp(1)), rs.getString(2), cell(rs.getString(3)),
                                rs.getString(4).toLowerCase(java.util.Locale.ROOT), cell(rs.getString(5)),
                                cell(rs.getString(6)), cell(rs.getString(7)), direction(rs.getBoolean(8), rs.getInt(12)),
                                EventView.selId(rs.getInt(9)), time(rs.getTimestamp(10)), rs.getString(11));
                    }
                }
            } finally {
                c.rollback();
            }
            csv.flush();
        } catch (SQLException e) {
            throw new IOException("event export failed: " + e.getMessage(), e);
        }
    }

    /** OEM records have no direction; a record without a time has an empty date (its event_time only places it). */
    private static String direction(boolean deassertion, int recordType) {
        return recordType >= OEM_FIRST ? "" : deassertion ? "Deasserted" : "Asserted";
    }

    private static String cell(String value) {
        return CsvCells.guarded(value);
    }

    private static String time(Timestamp t) {
        return t == null ? "" : t.toInstant().atOffset(ZoneOffset.UTC).toString();
    }
}
