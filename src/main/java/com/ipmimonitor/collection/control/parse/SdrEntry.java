package com.ipmimonitor.collection.control.parse;

/**
 * One line of {@code sdr elist}.
 *
 * @param status  ok, lcr, ucr, lnc, unc, lnr, unr, ns, cr, nc or nr, as printed
 * @param entity  entity id and instance, e.g. "8.1"
 * @param reading trimmed; "44 degrees C", comma-joined discrete states, or "" when nothing is asserted
 */
public record SdrEntry(String name, int sensorNumber, String status, String entity, String reading) {
}
