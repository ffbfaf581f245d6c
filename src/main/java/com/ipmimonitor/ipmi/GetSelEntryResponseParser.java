package com.ipmimonitor.ipmi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the stdout of {@code ipmitool exec FILE} where FILE holds Get SEL Entry raw commands
 * ({@code raw 0x0a 0x43 0x00 0x00 <idLo> <idHi> 0x00 0xff}).
 *
 * <p>ipmitool prints each 18-byte response as a 16-byte line plus a 2-byte line. A failed request (missing id)
 * prints nothing on stdout, only a message on stderr, so responses cannot be matched to requests by position:
 * the byte stream is cut into 18-byte responses, each of which must end on a short line.
 */
public final class GetSelEntryResponseParser {

    private static final int RESPONSE_LENGTH = 2 + SelEntryResponse.RECORD_LENGTH;
    private static final int BYTES_PER_LINE = 16;

    private GetSelEntryResponseParser() {
    }

    public static List<SelEntryResponse> parse(String stdout) {
        List<SelEntryResponse> responses = new ArrayList<>();
        byte[] pending = new byte[RESPONSE_LENGTH];
        int size = 0;
        String lastLine = "";
        for (String line : stdout.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            lastLine = line;
            byte[] bytes = hexBytesOf(line);
            if (bytes.length > BYTES_PER_LINE || size + bytes.length > RESPONSE_LENGTH) {
                throw new IpmitoolParseException("Get SEL Entry response longer than 18 bytes", line);
            }
            System.arraycopy(bytes, 0, pending, size, bytes.length);
            size += bytes.length;
            if (bytes.length < BYTES_PER_LINE) {
                if (size != RESPONSE_LENGTH) {
                    throw new IpmitoolParseException("Get SEL Entry response is not 18 bytes", line);
                }
                responses.add(responseOf(pending));
                size = 0;
            }
        }
        if (size != 0) {
            throw new IpmitoolParseException("truncated Get SEL Entry response", lastLine);
        }
        return responses;
    }

    private static SelEntryResponse responseOf(byte[] bytes) {
        int next = (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8;
        return new SelEntryResponse(next, Arrays.copyOfRange(bytes, 2, RESPONSE_LENGTH));
    }

    /**
     * The line's blank-separated two-digit hex bytes, by hand: a first read of 58,000 records is a million of them,
     * and a regex per byte (a Pattern compiled each time) was a third of all the first read allocated. Accepts what
     * {@code line.trim().split("\\s+")} with {@code [0-9a-fA-F]{2}} per token accepted (GetSelEntryResponseParserEquivalenceTest).
     */
    private static byte[] hexBytesOf(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && line.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && line.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            throw new IpmitoolParseException("not a raw response byte", line); // control characters only
        }
        byte[] bytes = new byte[(to - from + 1) / 2];
        int count = 0;
        int at = from;
        while (at < to) {
            int end = at;
            while (end < to && !isSeparator(line.charAt(end))) {
                end++;
            }
            int high = hexDigit(line.charAt(at));
            int low = end - at == 2 ? hexDigit(line.charAt(at + 1)) : -1;
            if (high < 0 || low < 0) {
                throw new IpmitoolParseException("not a raw response byte", line);
            }
            bytes[count++] = (byte) (high << 4 | low);
            at = end;
            while (at < to && isSeparator(line.charAt(at))) {
                at++;
            }
        }
        return Arrays.copyOf(bytes, count);
    }

    /** What \\s matches within a line (line breaks have already split the output). */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
    }

    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
