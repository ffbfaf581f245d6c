package com.ipmimonitor.fleet.control;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** Generators of servers an operator may rightly import: every field within what ServerInput accepts. */
final class ValidServers {

    private ValidServers() {
    }

    static Arbitrary<String> ipv4() {
        return Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(octets -> String.join(".", octets.stream().map(String::valueOf).toList()));
    }

    static Arbitrary<String> hostName() {
        Arbitrary<String> label = Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofLength(1),
                Arbitraries.strings().alpha().numeric().withChars('-').ofMaxLength(20),
                Arbitraries.strings().alpha().numeric().ofLength(1))
                .as((first, middle, last) -> first + middle + last);
        // all digits and dots reads as a (wrong) IPv4 address, not as a host name
        return label.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels))
                .filter(name -> !name.matches("[\\d.]+"));
    }

    static Arbitrary<String> ipv6() {
        Arbitrary<String> group = Arbitraries.integers().between(0, 0xFFFF).map(Integer::toHexString);
        Arbitrary<String> full = group.list().ofSize(8).map(g -> String.join(":", g));
        Arbitrary<String> compressed = Combinators.combine(group.list().ofMaxSize(3), group.list().ofMaxSize(3))
                .as((head, tail) -> String.join(":", head) + "::" + String.join(":", tail));
        return Arbitraries.oneOf(full, compressed);
    }

    static Arbitrary<String> address() {
        return Arbitraries.oneOf(ipv4(), hostName(), ipv6());
    }

    /** Free text as operators type it: any characters but NUL, which no PostgreSQL text column can hold. */
    static Arbitrary<String> text(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(maxLength),
                Arbitraries.strings().withChars(" #=\";[]\\\t\r\nabcé✓").ofMaxLength(maxLength))
                .filter(s -> s.indexOf('\0') < 0);
    }

    static Arbitrary<ServerSpec> server() {
        return Builders.withBuilder(() -> new SpecBuilder())
                .use(address()).inSetter((b, v) -> b.bmcIp = v)
                .use(Arbitraries.integers().between(1, 65535).injectNull(0.5)).inSetter((b, v) -> b.port = v)
                .use(text(ServerInput.MAX_NAME).filter(s -> !s.isBlank())).inSetter((b, v) -> b.name = v)
                .use(address().injectNull(0.5)).inSetter((b, v) -> b.serverIp = v)
                .use(Arbitraries.of(true, false)).inSetter((b, v) -> b.enabled = v)
                .use(Arbitraries.of(true, false)).inSetter((b, v) -> b.nvidia = v)
                .use(text(ServerInput.MAX_USER).injectNull(0.5)).inSetter((b, v) -> b.user = v)
                .use(Arbitraries.integers().between(0, ServerInput.MAX_CIPHER_SUITE).injectNull(0.5))
                .inSetter((b, v) -> b.cipherSuite = v)
                .use(text(300).injectNull(0.5)).inSetter((b, v) -> b.notes = v)
                .build(SpecBuilder::build);
    }

    /** Up to five servers with different BMC addresses (host names compared without case). */
    static Arbitrary<List<ServerSpec>> fleet() {
        return server().list().ofMaxSize(5).uniqueElements(s -> s.bmcIp().toLowerCase(Locale.ROOT));
    }

    private static final class SpecBuilder {
        String bmcIp;
        Integer port;
        String name;
        String serverIp;
        boolean enabled;
        boolean nvidia;
        String user;
        Integer cipherSuite;
        String notes;

        ServerSpec build() {
            return new ServerSpec(bmcIp, port, name, serverIp, enabled, nvidia, user, null, cipherSuite, notes, 0);
        }
    }
}
