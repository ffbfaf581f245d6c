package com.ipmimonitor.database.boundary;

import java.util.List;

/**
 * A PostgreSQL array literal, bound as one text parameter and cast in SQL (e.g. {@code cast(?1 as bigint[])}): a
 * statement stores or matches many rows with one parameter per column instead of one per value. (EclipseLink's
 * handling of a native query's parameters grows with the square of their number: a 500-row VALUES list with 19
 * parameters a row was slower than one INSERT per row.)
 */
public final class ArrayLiteral {

    private ArrayLiteral() {
    }

    /**
     * Every element double-quoted with backslash and quote escaped, null as NULL. Numbers, booleans and
     * OffsetDateTime (ISO 8601) read back as the same values.
     */
    public static String of(List<?> values) {
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
