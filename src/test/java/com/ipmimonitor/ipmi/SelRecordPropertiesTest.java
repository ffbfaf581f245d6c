package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ipmimonitor.Fuzzing;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Raw SEL records as a BMC may send them: any 16 bytes decode, and what ipmitool prints of them reads back. */
class SelRecordPropertiesTest {

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void anySixteenBytesDecodeToTheirOwnIdTypeAndHex(@ForAll @Size(16) byte[] bytes) {
        SelRecord record = SelRecordDecoder.decode(bytes);

        assertEquals((bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8, record.recordId());
        assertEquals(bytes[2] & 0xFF, record.recordType());
        assertEquals(HexFormat.of().formatHex(bytes), record.rawHex());
        // a Linux kernel panic record's text is its description, as ipmitool prints it
        assertEquals(record.isOem() && record.recordType() != SelRecord.LINUX_KERNEL_PANIC, record.oemDetail().isPresent());
        assertFalse(record.description().isBlank(), "every record gets a description");
        record.triggerReading();
        record.triggerThreshold();
    }

    @Property(tries = 300, seed = Fuzzing.SEED)
    void aRecordOfAnyOtherLengthIsAParseError(@ForAll @Size(max = 40) byte[] bytes) {
        Assume.that(bytes.length != SelEntryResponse.RECORD_LENGTH);

        assertThrows(IpmitoolParseException.class, () -> SelRecordDecoder.decode(bytes));
    }

    @Property(tries = 500, seed = Fuzzing.SEED)
    void responsesPrintedAsIpmitoolPrintsThemReadBack(@ForAll("responses") List<SelEntryResponse> responses) {
        assertEquals(responses, GetSelEntryResponseParser.parse(printed(responses)));
    }

    /** ipmitool prints a raw response as lines of 16 bytes, each byte after a space: here 16 + 2. */
    static String printed(List<SelEntryResponse> responses) {
        StringBuilder out = new StringBuilder();
        for (SelEntryResponse r : responses) {
            byte[] all = new byte[18];
            all[0] = (byte) r.nextRecordId();
            all[1] = (byte) (r.nextRecordId() >> 8);
            System.arraycopy(r.record(), 0, all, 2, 16);
            for (int i = 0; i < all.length; i++) {
                out.append(String.format(" %02x", all[i] & 0xFF)).append(i == 15 || i == 17 ? "\n" : "");
            }
        }
        return out.toString();
    }

    @Provide
    Arbitrary<List<SelEntryResponse>> responses() {
        Arbitrary<byte[]> record = Arbitraries.bytes().array(byte[].class).ofSize(16);
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), record).as(SelEntryResponse::new)
                .list().ofMaxSize(20);
    }
}
