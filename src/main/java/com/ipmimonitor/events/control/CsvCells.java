package com.ipmimonitor.events.control;

/**
 * Cell values for CSV files opened in spreadsheets: a value starting with = + - @ (or a tab/CR) would be run
 * as a formula, and SEL text comes from BMCs, so such values get a leading apostrophe (OWASP CSV injection).
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String guarded(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
