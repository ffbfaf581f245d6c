package com.ipmimonitor.sql;

import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a native query, read by column name (the query's aliases), never by position: a column added to or
 * moved in a query cannot silently shift another. A name the row does not have, a name the query returns twice,
 * or a value of another type fails loudly with the column's name.
 */
public final class NativeRow {

    // EclipseLink hands a native query's rows out as maps keyed by the result set's column labels
    private static final String RESULT_TYPE = "eclipselink.result-type";

    private final Map<String, Object> columns;

    private NativeRow(Map<String, Object> columns) {
        this.columns = columns;
    }

    /** Every row of the query, each by its column names. */
    public static List<NativeRow> list(Query query) {
        return ((List<?>) named(query).getResultList()).stream().map(NativeRow::of).toList();
    }

    /** The one row an aggregate without GROUP BY returns. */
    public static NativeRow single(Query query) {
        return of(named(query).getSingleResult());
    }

    /** The first row, when there is one. */
    public static Optional<NativeRow> first(Query query) {
        return list(query).stream().findFirst();
    }

    private static Query named(Query query) {
        return query.setHint(RESULT_TYPE, "Map");
    }

    /** A row from column label to value; the labels are compared in lower case, as PostgreSQL folds unquoted ones. */
    public static NativeRow of(Object row) {
        if (!(row instanceof Map<?, ?> map)) {
            throw new IllegalStateException("a native row must come by column name, not as "
                    + (row == null ? "null" : row.getClass().getName()));
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        map.forEach((label, value) -> {
            String name = String.valueOf(label).toLowerCase(Locale.ROOT);
            if (columns.containsKey(name)) {
                throw new IllegalStateException("the query returns column " + name + " twice: give each an alias");
            }
            columns.put(name, value);
        });
        return new NativeRow(columns);
    }

    public String string(String column) {
        return as(column, String.class);
    }

    /** A NOT NULL number column (any integer type PostgreSQL returns: Integer, Long, BigInteger, BigDecimal). */
    public long longValue(String column) {
        return required(column, as(column, Number.class)).longValue();
    }

    public int intValue(String column) {
        return required(column, as(column, Number.class)).intValue();
    }

    public Optional<Long> findLong(String column) {
        return Optional.ofNullable(as(column, Number.class)).map(Number::longValue);
    }

    /** A nullable integer column, null when SQL NULL. */
    public Integer integer(String column) {
        Number n = as(column, Number.class);
        return n == null ? null : n.intValue();
    }

    /** A nullable floating-point column (numeric arrives as BigDecimal, double precision as Double). */
    public Double decimal(String column) {
        Number n = as(column, Number.class);
        return n == null ? null : n.doubleValue();
    }

    /**
     * A nullable measured value that may be stored as real (float4): a Float is read back as the shortest decimal
     * that float is (12.18, not 12.180000305175781), which is what ipmitool printed for a value of up to 7
     * significant digits; double precision and numeric as {@link #decimal(String)}.
     */
    public Double real(String column) {
        Number n = as(column, Number.class);
        if (n == null) {
            return null;
        }
        return n instanceof Float f ? Double.valueOf(f.toString()) : n.doubleValue();
    }

    /** A NOT NULL boolean column (use coalesce in the query for an outer join's side). */
    public boolean bool(String column) {
        return required(column, as(column, Boolean.class));
    }

    /** A nullable boolean column. */
    public Boolean nullableBool(String column) {
        return as(column, Boolean.class);
    }

    /** A timestamptz column, null when SQL NULL (the driver hands out java.sql.Timestamp or OffsetDateTime). */
    public OffsetDateTime time(String column) {
        return NativeValues.time(value(column));
    }

    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        return Enum.valueOf(type, required(column, string(column)));
    }

    private <T> T as(String column, Class<T> type) {
        Object value = value(column);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalStateException("column " + column + " holds a " + value.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    private Object value(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        if (!columns.containsKey(name)) {
            throw new IllegalStateException("the query returns no column " + name + ", only " + columns.keySet());
        }
        return columns.get(name);
    }

    private static <T> T required(String column, T value) {
        if (value == null) {
            throw new IllegalStateException("column " + column + " is NULL");
        }
        return value;
    }
}
