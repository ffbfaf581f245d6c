package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.ipmimonitor.ipmi.Fixtures;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache file is parsed once per content, not on every poll that reads sensors with it. */
class SdrCacheTest {

    private static final BmcTarget TARGET = new BmcTarget("127.0.0.1", 6230, "admin", "secret", 3);
    private static final byte[] DUMP = HexFormat.of().parseHex(
            Fixtures.ipmitool("ipmi_sim/cached/sdr_dump.hex").replaceAll("\\s", ""));

    @TempDir
    Path dir;

    @Test
    void theFileIsParsedOnceWhileItStaysTheSame() {
        AtomicInteger parses = new AtomicInteger();
        SdrCache cache = new SdrCache(dir, bytes -> {
            parses.incrementAndGet();
            return SdrCache.Parsed.of(bytes);
        });
        Path file = cache.store(TARGET, DUMP);

        SdrCache.Parsed first = cache.parsed(file);
        for (int poll = 0; poll < 5; poll++) {
            assertSame(first, cache.parsed(file));
        }

        assertEquals(1, parses.get());
        assertEquals(25, first.sensors().size());
        assertEquals(15, first.conversions().size());
    }

    @Test
    void aRebuiltFileIsParsedAgain() {
        AtomicInteger parses = new AtomicInteger();
        SdrCache cache = new SdrCache(dir, bytes -> {
            parses.incrementAndGet();
            return SdrCache.Parsed.of(bytes);
        });
        Path file = cache.store(TARGET, DUMP);
        cache.parsed(file);

        // the SDR changed: a shorter dump (the first records only) replaces the file
        cache.store(TARGET, java.util.Arrays.copyOf(DUMP, 0));
        assertEquals(0, cache.parsed(file).sensors().size());
        cache.store(TARGET, DUMP);
        assertEquals(25, cache.parsed(file).sensors().size());
        assertEquals(3, parses.get());
    }
}
