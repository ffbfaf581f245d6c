package com.ipmimonitor.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The checks every server passes (API, settings page, import), given anything at all. */
class ServerInputFuzzTest {

    @Property(tries = 2000, seed = Fuzzing.SEED)
    void anyFieldsGiveAListOfProblems(@ForAll("anyText") String bmcIp, @ForAll Integer port, @ForAll("anyText") String name,
                                      @ForAll("anyText") String serverIp, @ForAll("anyText") String user,
                                      @ForAll Integer cipherSuite) throws Exception {
        List<String> problems = Fuzzing.withinDeadline(() -> ServerInput.problems(bmcIp, port, name, serverIp));
        List<String> settings = ServerInput.settingProblems(user, user, cipherSuite, name);

        problems.forEach(p -> assertTrue(ServerEntry.KEYS.stream().anyMatch(p::startsWith), "names no field: " + p));
        settings.forEach(p -> assertTrue(ServerEntry.KEYS.stream().anyMatch(p::startsWith), "names no field: " + p));
    }

    /** The address goes to ipmitool as the value of -H: it must never read as an option or hold a separator. */
    @Property(tries = 2000, seed = Fuzzing.SEED)
    void anAcceptedAddressIsSafeOnIpmitoolsCommandLine(@ForAll("addressLike") String address) throws Exception {
        if (Fuzzing.withinDeadline(() -> ServerInput.isAddress(address))) {
            assertTrue(address.matches("[0-9A-Za-z.:-]{1,253}"), address);
            assertTrue(!address.startsWith("-"), address);
        }
    }

    @Property(tries = 500, seed = Fuzzing.SEED)
    void wellFormedAddressesAreAccepted(@ForAll("addresses") String address) {
        assertEquals(List.of(), ServerInput.problems(address, 623, "node", address));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(BadInput.anyText(), Arbitraries.strings().ofMinLength(250).ofMaxLength(260),
                backtrackingBait()).injectNull(0.1);
    }

    @Provide
    Arbitrary<String> addressLike() {
        return Arbitraries.oneOf(ValidServers.address().flatMap(BadInput::mangled), BadInput.anyText(), backtrackingBait(),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF:.-%[]/ ").ofMaxLength(50));
    }

    @Provide
    Arbitrary<String> addresses() {
        return ValidServers.address();
    }

    /** Long runs of what the host name and IPv6 patterns accept, ending in what they do not: slow regexes show here. */
    private static Arbitrary<String> backtrackingBait() {
        return Arbitraries.of("a-", "a.", "1.", "0:", "a", "-", ":").flatMap(unit -> Arbitraries.integers()
                .between(50, 3000).map(n -> unit.repeat(n) + "!"));
    }
}
