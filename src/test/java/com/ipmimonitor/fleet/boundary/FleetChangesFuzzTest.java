package com.ipmimonitor.fleet.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import com.ipmimonitor.fleet.control.ServerExport;
import com.ipmimonitor.fleet.control.ServerImport;
import com.ipmimonitor.fleet.control.ServerInput;
import com.ipmimonitor.fleet.control.ServerSpec;
import com.ipmimonitor.fleet.entity.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The fleet changes the API and the settings page make, with the database replaced by a recorder: whatever is
 * sent, a change is refused with FleetChangeRejected and writes nothing, or it writes what was asked, all of it.
 */
class FleetChangesFuzzTest {

    private static final List<String> KNOWN = List.of("10.0.0.1", "bmc-known.example.com");

    /** The database as FleetChanges sees it: two servers already known, every write recorded. */
    static final class RecordingServers extends Servers {

        final List<List<Server>> writes = new ArrayList<>();

        @Override
        public Optional<Server> findByBmcIp(String bmcIp) {
            return bmcIp != null && KNOWN.contains(bmcIp) ? Optional.of(new Server(bmcIp, bmcIp)) : Optional.empty();
        }

        @Override
        public int saveAll(List<Server> batch) {
            writes.add(List.copyOf(batch));
            return batch.size();
        }

        @Override
        public Server add(Server server) {
            writes.add(List.of(server));
            return server;
        }

        @Override
        public Server update(Server server) {
            writes.add(List.of(server));
            return server;
        }
    }

    record Import(String format, String text) {
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void anImportWritesEveryServerOfTheFileOrNone(@ForAll("imports") Import in) throws Exception {
        RecordingServers db = new RecordingServers();
        FleetChanges changes = changes(db);
        try {
            int written = Fuzzing.withinDeadline(() -> changes.importText(in.text(), in.format())).written();
            List<ServerSpec> expected = ServerImport.parse(in.text(), in.format()).servers();
            assertEquals(List.of(expected.size()), db.writes.stream().map(List::size).toList(), "one write of the file");
            assertEquals(expected.size(), written);
            Statistics.collect("imported");
        } catch (FleetChangeRejected refused) {
            assertEquals(List.of(), db.writes, "a refused import wrote " + db.writes);
            Statistics.collect(refused.reason());
        }
        // the files must not all be refused: valid ones show that a good import still writes
        Statistics.coverage(c -> c.check("imported").percentage(p -> p >= 10));
    }

    @Property(tries = 1000, seed = Fuzzing.SEED)
    void anAddedServerPassesEveryCheckOrNothingIsWritten(@ForAll("requests") ServerRequest request) throws Exception {
        RecordingServers db = new RecordingServers();
        FleetChanges changes = changes(db);
        try {
            Server added = Fuzzing.withinDeadline(() -> changes.add(request));
            assertEquals(List.of(List.of(added)), db.writes);
            assertStorable(added);
            Statistics.collect("added");
        } catch (FleetChangeRejected refused) {
            assertEquals(List.of(), db.writes, "a refused add wrote " + db.writes);
            Statistics.collect(refused.reason());
        }
        Statistics.coverage(c -> c.check("added").percentage(p -> p >= 10));
    }

    @Property(tries = 500, seed = Fuzzing.SEED)
    void anUpdatedServerPassesEveryCheckOrNothingIsWritten(@ForAll("requests") ServerRequest request,
                                                           @ForAll("knownOrNot") String bmcIp) throws Exception {
        RecordingServers db = new RecordingServers();
        FleetChanges changes = changes(db);
        try {
            Server updated = Fuzzing.withinDeadline(() -> changes.update(bmcIp, request));
            assertEquals(List.of(List.of(updated)), db.writes);
            assertStorable(updated);
        } catch (FleetChangeRejected refused) {
            assertEquals(List.of(), db.writes, "a refused update wrote " + db.writes);
        }
    }

    /** What the server table takes (V1 schema): the same checks as an import, so no insert fails with a 500. */
    private static void assertStorable(Server s) {
        assertEquals(List.of(), ServerInput.problems(s.getBmcIp(), s.getBmcPort(), s.getName(), s.getServerIp()));
        assertEquals(List.of(), ServerInput.settingProblems(s.findIpmiUser().orElse(null),
                s.findIpmiPassword().orElse(null), s.findCipherSuite().orElse(null), s.getNotes()));
        assertTrue(s.getName() != null && !s.getName().isBlank(), "a server without a name");
    }

    private static FleetChanges changes(Servers db) {
        FleetChanges changes = new FleetChanges();
        changes.servers = db;
        return changes;
    }

    @Provide
    Arbitrary<String> knownOrNot() {
        return Arbitraries.oneOf(Arbitraries.of(KNOWN), field().filter(f -> f != null)); // a path segment is never null
    }

    @Provide
    Arbitrary<Import> imports() {
        Arbitrary<String> format = Arbitraries.of("auto", "ini", "json", "xml", "");
        Arbitrary<String> text = Arbitraries.oneOf(exports(), exports().flatMap(BadInput::mangled), BadInput.anyText());
        return Combinators.combine(format, text).as(Import::new);
    }

    /** Exports of one to three servers, a known one now and then (which refuses the whole file). */
    private static Arbitrary<String> exports() {
        Arbitrary<ServerSpec> server = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(KNOWN),
                        Arbitraries.integers().between(2, 254).map(n -> "10.0.1." + n)),
                Arbitraries.integers().between(1, 65535).injectNull(0.5), Arbitraries.strings().alpha().ofLength(6))
                .as((ip, port, name) -> new ServerSpec(ip, port, name, null, true, false, null, null, null, null, 0));
        Arbitrary<List<ServerSpec>> fleet = server.list().ofMinSize(1).ofMaxSize(3).uniqueElements(ServerSpec::bmcIp);
        return Combinators.combine(fleet, Arbitraries.of(true, false))
                .as((f, json) -> json ? ServerExport.toJson(f) : ServerExport.toIni(f));
    }

    @Provide
    Arbitrary<ServerRequest> requests() {
        return Builders.withBuilder(ServerRequest::new)
                .use(field()).inSetter((r, v) -> r.bmcIp = v)
                .use(Arbitraries.integers().injectNull(0.3)).inSetter((r, v) -> r.port = v)
                .use(field()).inSetter((r, v) -> r.serverName = v)
                .use(field()).inSetter((r, v) -> r.serverIp = v)
                .use(Arbitraries.of(true, false).injectNull(0.3)).inSetter((r, v) -> r.enabled = v)
                .use(Arbitraries.of(true, false).injectNull(0.3)).inSetter((r, v) -> r.useNvidiaPassword = v)
                .use(field()).inSetter((r, v) -> r.ipmiUser = v)
                .use(field()).inSetter((r, v) -> r.ipmiPass = v)
                .use(Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(0, 17)).injectNull(0.3))
                .inSetter((r, v) -> r.cipherSuite = v)
                .use(field()).inSetter((r, v) -> r.notes = v)
                .build();
    }

    /** A field as JSON may bring it: absent, an address, ordinary text, too long, or garbage with NUL and all. */
    private static Arbitrary<String> field() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just((String) null)),
                Tuple.of(4, Arbitraries.integers().between(1, 254).map(n -> "10.0.2." + n)),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMaxLength(20)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(250).ofMaxLength(260)),
                Tuple.of(1, Arbitraries.of(Set.copyOf(BadInput.NASTY_TOKENS))),
                Tuple.of(1, BadInput.garbage()));
    }
}
