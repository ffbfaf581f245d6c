package com.ipmimonitor.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostmasterPidTest {

    @Test
    void readsPidDataDirectoryAndPort() {
        String file = "4242\n/var/lib/ipmi-monitor/postgres\n1765049011\n55432\n/var/lib/ipmi-monitor/postgres\n"
                + "127.0.0.1\n  5432001    753664\nready   \n";
        assertEquals(Optional.of(new PostmasterPid(4242, "/var/lib/ipmi-monitor/postgres", 55432)), PostmasterPid.parse(file));
    }

    @Test
    void aTruncatedOrForeignFileIsNone() {
        assertEquals(Optional.empty(), PostmasterPid.parse("4242\n/data\n"));
        assertEquals(Optional.empty(), PostmasterPid.parse("not a pid\n/data\n1\n55432\n"));
        assertEquals(Optional.empty(), PostmasterPid.parse(""));
    }
}
