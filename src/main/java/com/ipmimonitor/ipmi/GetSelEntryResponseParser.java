package com.ipmimonitor.ipmi;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String lastLine = "";
        for (String line : stdout.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            lastLine = line;
            byte[] bytes = hexBytesOf(line);
            pending.writeBytes(bytes);
            if (bytes.length > BYTES_PER_LINE || pending.size() > RESPONSE_LENGTH) {
                throw new IpmitoolParseException("Get SEL Entry response longer than 18 bytes", line);
            }
            if (bytes.length < BYTES_PER_LINE) {
                if (pending.size() != RESPONSE_LENGTH) {
                    throw new IpmitoolParseException("Get SEL Entry response is not 18 bytes", line);
                }
                responses.add(responseOf(pending.toByteArray()));
                pending.reset();
            }
        }
        if (pending.size() != 0) {
            throw new IpmitoolParseException("truncated Get SEL Entry response", lastLine);
        }
        return responses;
    }

    private static SelEntryResponse responseOf(byte[] bytes) {
        int next = (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8;
        return new SelEntryResponse(next, Arrays.copyOfRange(bytes, 2, RESPONSE_LENGTH));
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
