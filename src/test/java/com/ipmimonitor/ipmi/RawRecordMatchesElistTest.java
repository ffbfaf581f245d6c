package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Raw Get SEL Entry records (ipmitool exec, live sim on port 9002) against {@code sel elist} of the same SEL:
 * the decoder must say what ipmitool says, and both paths must get the same severity.
 */
class RawRecordMatchesElistTest {

    private final SeverityClassifier classifier = new SeverityClassifier();

    private final List<SelRecord> records = GetSelEntryResponseParser
            .parse(Fixtures.ipmitool("ipmi_sim/exec_get_sel_entry.txt")).stream()
            .map(SelEntryResponse::record)
            .map(SelRecordDecoder::decode)
            .toList();

    private final Map<Integer, SelLine> elistById = SelElistParser
            .parse(Fixtures.ipmitool("ipmi_sim/exec_get_sel_entry_elist.txt")).stream()
            .collect(Collectors.toMap(SelLine::recordId, Function.identity()));

    @Test
    void everyRequestedRecordCameBack() {
        assertEquals(34, records.size());
        assertEquals(elistById.keySet(), records.stream().map(SelRecord::recordId).collect(Collectors.toSet()));
    }

    @Test
    void decoderDescribesEventsAsIpmitoolDoes() {
        assertAll(records.stream().map(record -> () -> {
            SelLine line = elistById.get(record.recordId());
            assertEquals(line.description(), record.description(), line.rawLine());
            if (record.isOem()) {
                assertEquals(line.detail(), record.oemDetail().orElseThrow(), line.rawLine());
            } else {
                assertEquals(line.sensorType(), record.sensorTypeName(), line.rawLine());
                assertEquals(line.asserted().orElseThrow(), !record.deassertion(), line.rawLine());
            }
        }));
    }

    @Test
    void timestampsAgree() {
        assertAll(records.stream().filter(r -> r.timestamp() >= 0).map(record -> () -> {
            LocalDateTime printed = elistById.get(record.recordId()).timestamp().orElseThrow();
            assertEquals(printed.toEpochSecond(ZoneOffset.UTC), record.timestamp());
        }));
    }

    @Test
    void recordAndLineGetTheSameSeverity() {
        assertAll(records.stream().map(record -> () -> {
            SelLine line = elistById.get(record.recordId());
            assertEquals(classifier.classify(line), classifier.classify(record), line.rawLine());
        }));
    }
}
