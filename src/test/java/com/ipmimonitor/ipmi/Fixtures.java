package com.ipmimonitor.ipmi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads captured ipmitool output from src/test/resources/ipmitool/. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String ipmitool(String relativePath) {
        String resource = "/ipmitool/" + relativePath;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
