package com.ipmimonitor.security.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * How large a request body may be: an INI or JSON import of a large fleet may need a few MiB, nothing else needs
 * more than a fraction of one. A body without a length (chunked) is read up to the limit, never further.
 */
public record BodyLimit(long defaultBytes, long importBytes) {

    /** The import paths: the API's and the settings page's upload. */
    static final java.util.Set<String> IMPORT_PATHS = java.util.Set.of("/api/servers/import", "/settings.xhtml", "/settings");

    public BodyLimit {
        if (defaultBytes < 1 || importBytes < 1) {
            throw new IllegalArgumentException("body limits must be positive: " + defaultBytes + ", " + importBytes);
        }
    }

    /** The limit of the path (below the context root). */
    public long of(String path) {
        return IMPORT_PATHS.contains(path) ? importBytes : defaultBytes;
    }

    /** A declared length over the limit: refused before a byte is read. */
    public boolean refuses(String path, long contentLength) {
        return contentLength > of(path);
    }

    /**
     * Reads and drops what is left of a refused body, at most max bytes: a client that is still sending reads no
     * answer until its body is gone (the JDK's HttpClient, for one, waits), and dropping costs no memory.
     * True when the body ended within max.
     */
    public static boolean skipAtMost(InputStream body, long max) throws IOException {
        byte[] chunk = new byte[8192];
        long skipped = 0;
        int n;
        while (skipped <= max && (n = body.read(chunk)) > 0) {
            skipped += n;
        }
        return skipped <= max;
    }

    /** The whole body when it fits the limit, empty when it does not (then at most limit + 1 bytes were read). */
    public static Optional<byte[]> readAtMost(InputStream body, long limit) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = body.read(chunk, 0, (int) Math.min(chunk.length, limit + 1 - read.size()))) > 0) {
            read.write(chunk, 0, n);
            if (read.size() > limit) {
                return Optional.empty();
            }
        }
        return Optional.of(read.toByteArray());
    }
}
