package com.ipmimonitor.sql;

import jakarta.persistence.Query;
import java.util.List;
import java.util.function.Function;

/**
 * Many rows in one native statement with one parameter per column: each parameter is a PostgreSQL array literal,
 * cast and unnested in SQL (e.g. {@code unnest(cast(?1 as bigint[]), ...) with ordinality}). One statement is one
 * round trip instead of one per row. (EclipseLink's handling of a native query's parameters grows with the square
 * of their number: a 500-row VALUES list with 19 parameters a row was slower than one INSERT per row.)
 */
public final class ArrayParameters {

    private ArrayParameters() {
    }

    /** Binds parameter i + 1 to the array of column i's values over the rows, in row order. */
    public static <T> Query bind(Query query, List<T> rows, List<Function<T, Object>> columns) {
        for (int c = 0; c < columns.size(); c++) {
            query.setParameter(c + 1, literal(rows.stream().map(columns.get(c)).toList()));
        }
        return query;
    }

    /**
     * Every element double-quoted with backslash and quote escaped, null as NULL. Numbers (Double as Java prints
     * it, NaN and Infinity included), booleans and OffsetDateTime (ISO 8601) read back as the same values.
     */
    public static String literal(List<?> values) {
        StringBuilder out = new StringBuilder("{");
        for (Object v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            if (v == null) {
                out.append("NULL");
            } else {
                out.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }
}
