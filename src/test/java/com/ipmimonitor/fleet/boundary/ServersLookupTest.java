package com.ipmimonitor.fleet.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.Fuzzing;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Every /api path and ?bmc_ip= that names a server looks it up here, with whatever the client sent. */
class ServersLookupTest {

    /** No EntityManager is set: a lookup that reached the database would fail with a NullPointerException. */
    @Property(tries = 200, seed = Fuzzing.SEED)
    void anAddressWithNulFindsNoServerWithoutAskingTheDatabase(@ForAll String before, @ForAll String after) {
        assertEquals(Optional.empty(), new Servers().findByBmcIp(before + "\0" + after));
    }
}
