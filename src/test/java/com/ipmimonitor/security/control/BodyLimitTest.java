package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private final BodyLimit limit = new BodyLimit(1024, 4096);

    @Test
    void theImportsMayBeLargerThanEverythingElse() {
        assertEquals(4096, limit.of("/api/servers/import"));
        assertEquals(4096, limit.of("/settings.xhtml"));
        assertEquals(1024, limit.of("/api/servers/add"));
        assertEquals(1024, limit.of("/index.xhtml"));
        assertTrue(limit.refuses("/api/servers/add", 1025));
        assertFalse(limit.refuses("/api/servers/add", 1024));
        assertFalse(limit.refuses("/api/servers/import", 4096));
        assertTrue(limit.refuses("/api/servers/import", 4097));
        assertFalse(limit.refuses("/api/servers/add", -1), "no declared length: read with a cap instead");
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1024];
        body[1023] = 7;
        assertArrayEquals(body, BodyLimit.readAtMost(new ByteArrayInputStream(body), 1024).orElseThrow());
        assertArrayEquals(new byte[0], BodyLimit.readAtMost(new ByteArrayInputStream(new byte[0]), 1024).orElseThrow());
    }

    @Test
    void anEndlessBodyIsReadOnlyOnePastTheLimit() throws IOException {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }
        };
        assertTrue(BodyLimit.readAtMost(endless, 100_000).isEmpty());
        assertEquals(100_001, served[0]);
    }

    @Test
    void aRefusedBodyIsDroppedUpToABound() throws IOException {
        assertTrue(BodyLimit.skipAtMost(new ByteArrayInputStream(new byte[100_000]), 100_000));
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }
        };
        assertFalse(BodyLimit.skipAtMost(endless, 50_000));
        assertTrue(served[0] > 50_000 && served[0] <= 50_000 + 8192, "read " + served[0]);
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new BodyLimit(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new BodyLimit(10, -1));
    }
}
