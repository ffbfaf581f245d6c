package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientBlockTest {

    @Test
    void anIpv4AddressIsItsOwnBlock() {
        assertEquals("203.0.113.7", ClientBlock.of("203.0.113.7"));
        assertNotEquals(ClientBlock.of("203.0.113.7"), ClientBlock.of("203.0.113.8"));
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareABlockWhateverTheirSpelling() {
        String block = ClientBlock.of("2001:db8:1:2::1");
        assertEquals("20010db800010002::/64", block);
        assertEquals(block, ClientBlock.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
        assertEquals(block, ClientBlock.of("[2001:db8:1:2:0:0:0:7]"));
        assertEquals(block, ClientBlock.of("2001:db8:1:2::9%eth0"));
        assertNotEquals(block, ClientBlock.of("2001:db8:1:3::1"));
        assertEquals(ClientBlock.of("::1"), ClientBlock.of("0:0:0:0:0:0:0:1"));
    }

    @Test
    void anIpv4MappedAddressCountsAsIpv4() {
        assertEquals("192.0.2.1", ClientBlock.of("::ffff:192.0.2.1"));
    }
}
