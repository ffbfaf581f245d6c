package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser reads hex bytes by hand (a first read of 58,000 records is a million bytes; a regex per byte was a third
 * of the first read's allocations). It must accept and refuse exactly what the regex-based parser did: this replays
 * random ipmitool outputs, intact and damaged, through both and demands the same records or the same error.
 */
class GetSelEntryResponseParserEquivalenceTest {

    @Test
    void acceptsAndRefusesExactlyWhatTheRegexParserDid() {
        Random random = new Random(18);
        int refused = 0;
        for (int run = 0; run < 5_000; run++) {
            String stdout = damaged(output(random), random);
            String expected = outcome(() -> RegexParser.parse(stdout));
            String actual = outcome(() -> GetSelEntryResponseParser.parse(stdout));
            assertEquals(expected, actual, "for output:\n" + stdout);
            refused += expected.startsWith("refused") ? 1 : 0;
        }
        // both kinds must be well represented, or the comparison says little
        assertEquals(true, refused > 500 && refused < 4_500, "refused " + refused);
    }

    private static String outcome(java.util.function.Supplier<List<SelEntryResponse>> parse) {
        try {
            return parse.get().stream().map(r -> r.nextRecordId() + ":" + HexFormat.of().formatHex(r.record())).toList().toString();
        } catch (IpmitoolParseException e) {
            return "refused " + e.getMessage();
        }
    }

    /** What ipmitool prints for a batch of 0 - 5 answered Get SEL Entry commands. */
    private static String output(Random random) {
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            byte[] response = new byte[18];
            random.nextBytes(response);
            for (int i = 0; i < response.length; i++) {
                if (i == 16) {
                    out.append('\n');
                }
                out.append(' ');
                out.append(String.format(random.nextInt(4) == 0 ? "%02X" : "%02x", response[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static final String[] DAMAGE = {"", " ", "  ", "\n", "\r\n", "\n\n", "0", "00", "000", "0x", "g", "zz",
        "\t", " 1", "fF ", "Unable to send RAW command", "\u0661\u0662", "\uff10\uff11", " 00 00", "\u00a0", "\u0001", "\u001c", "\u000b", "\f", "\u0085", "\u2028", "\0"};

    private static String damaged(String output, Random random) {
        if (random.nextInt(3) == 0 || output.isEmpty()) {
            return output;
        }
        StringBuilder s = new StringBuilder(output);
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            int at = random.nextInt(s.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> s.insert(at, DAMAGE[random.nextInt(DAMAGE.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(3)));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    /** The parser as it was before (split on blanks, a regex per byte), as the reference. */
    private static final class RegexParser {

        static List<SelEntryResponse> parse(String stdout) {
            List<SelEntryResponse> responses = new ArrayList<>();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            String lastLine = "";
            for (String line : stdout.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                lastLine = line;
                byte[] bytes = hexBytesOf(line);
                pending.writeBytes(bytes);
                if (bytes.length > 16 || pending.size() > 18) {
                    throw new IpmitoolParseException("Get SEL Entry response longer than 18 bytes", line);
                }
                if (bytes.length < 16) {
                    if (pending.size() != 18) {
                        throw new IpmitoolParseException("Get SEL Entry response is not 18 bytes", line);
                    }
                    byte[] all = pending.toByteArray();
                    responses.add(new SelEntryResponse((all[0] & 0xFF) | (all[1] & 0xFF) << 8, Arrays.copyOfRange(all, 2, 18)));
                    pending.reset();
                }
            }
            if (pending.size() != 0) {
                throw new IpmitoolParseException("truncated Get SEL Entry response", lastLine);
            }
            return responses;
        }

        private static byte[] hexBytesOf(String line) {
            String[] tokens = line.trim().split("\\s+");
            byte[] bytes = new byte[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                if (!tokens[i].matches("[0-9a-fA-F]{2}")) {
                    throw new IpmitoolParseException("not a raw response byte", line);
                }
                bytes[i] = (byte) Integer.parseInt(tokens[i], 16);
            }
            return bytes;
        }
    }
}
