package com.ipmimonitor.sql;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native query rows as Java types the app uses. */
public final class NativeValues {

    private NativeValues() {
    }

    /** PostgreSQL's JDBC driver hands timestamptz to a native query as java.sql.Timestamp (or OffsetDateTime). */
    public static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
