package com.ipmimonitor.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever text is imported, the answer is an ImportResult: every error names a line of the text, and every server
 * it returns passes the checks a server added by hand passes. The caller imports nothing unless there are no errors
 * (FleetChangesImportTest); here the result itself is looked at.
 */
class ServerImportFuzzTest {

    private static final Pattern LINE = Pattern.compile("line (\\d+): .+", Pattern.DOTALL);

    record Import(String format, String text) {
    }

    @Property(tries = 1500, seed = Fuzzing.SEED)
    void anyTextGivesAResultWhoseErrorsNameLinesOfTheText(@ForAll("anyText") Import in) throws Exception {
        ImportResult result = Fuzzing.withinDeadline(() -> ServerImport.parse(in.text(), in.format()));

        assertErrorsNameLinesOf(in.text(), result);
        assertServersPassTheChecks(result);
    }

    @Property(tries = 500, seed = Fuzzing.SEED)
    void aMangledExportGivesAResultWhoseErrorsNameLinesOfTheText(@ForAll("mangledExports") Import in) throws Exception {
        ImportResult result = Fuzzing.withinDeadline(() -> ServerImport.parse(in.text(), in.format()));

        assertErrorsNameLinesOf(in.text(), result);
        assertServersPassTheChecks(result);
    }

    /**
     * Arrays and objects where no server or value belongs are skipped: cut off inside them, or nested too deep, the
     * text is malformed.
     */
    @Property(tries = 300, seed = Fuzzing.SEED)
    void jsonCutOffInsideOrNestedTooDeepInSkippedValuesIsMalformed(@ForAll("jsonWithJunkCutOff") String json)
            throws Exception {
        ImportResult result = Fuzzing.withinDeadline(() -> ServerImport.parse(json, "json"));

        assertErrorsNameLinesOf(json, result);
        assertServersPassTheChecks(result);
    }

    @Property(tries = 200, seed = Fuzzing.SEED)
    void anExportImportsBackUnchanged(@ForAll("fleets") List<ServerSpec> fleet, @ForAll("formats") String format) {
        String text = format.equals("ini") ? ServerExport.toIni(fleet) : ServerExport.toJson(fleet);

        ImportResult back = ServerImport.parse(text, "auto");

        assertEquals(List.of(), back.errors(), text);
        assertEquals(fleet, back.servers().stream().map(ServerSpec::exported).toList(), text);
    }

    @Property(tries = 500, seed = Fuzzing.SEED)
    void anExportWithOneSpoiledLineIsInvalidWithAnErrorOnThatLine(@ForAll("spoiledExports") SpoiledLine spoiled) {
        ImportResult result = ServerImport.parse(spoiled.text(), "auto");

        assertFalse(result.valid(), spoiled.how() + " was not noticed:\n" + spoiled.text());
        String where = "line " + spoiled.line() + ": ";
        assertTrue(result.errors().stream().anyMatch(e -> e.startsWith(where)),
                spoiled.how() + ": no error on line " + spoiled.line() + " but " + result.errors());
    }

    static void assertErrorsNameLinesOf(String text, ImportResult result) {
        // Parsson counts a lone CR as a line break too
        int lines = text.split("\r\n|\r|\n", -1).length;
        for (String error : result.errors()) {
            Matcher m = LINE.matcher(error);
            assertTrue(m.matches(), "an error without its line: " + error);
            int line = Integer.parseInt(m.group(1));
            assertTrue(line >= 1 && line <= lines, "line " + line + " of a text of " + lines + " lines: " + error);
        }
    }

    static void assertServersPassTheChecks(ImportResult result) {
        Set<String> addresses = new HashSet<>();
        for (ServerSpec s : result.servers()) {
            assertEquals(List.of(), ServerInput.problems(s.bmcIp(), s.port(), s.serverName(), s.serverIp()), s.toString());
            assertTrue(s.serverName() != null && !s.serverName().isBlank(), "a server without a name: " + s);
            assertEquals(List.of(), ServerInput.settingProblems(s.ipmiUser(), s.ipmiPass(), s.cipherSuite(), s.notes()));
            assertTrue(addresses.add(s.bmcIp().toLowerCase(Locale.ROOT)), "bmc_ip twice: " + s.bmcIp());
        }
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("ini", "json");
    }

    @Provide
    Arbitrary<List<ServerSpec>> fleets() {
        return ValidServers.fleet();
    }

    @Provide
    Arbitrary<Import> anyText() {
        return Arbitraries.of("ini", "json", "auto").injectNull(0.2)
                .flatMap(format -> BadInput.anyText().map(text -> new Import(format, text)));
    }

    @Provide
    Arbitrary<SpoiledLine> spoiledExports() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1000);
        return ValidServers.fleet().filter(fleet -> !fleet.isEmpty()).flatMap(fleet -> Combinators.combine(
                Arbitraries.of(true, false), any, Arbitraries.of(SpoiledLine.Kind.class), any)
                .as((json, which, kind, variant) -> SpoiledLine.of(
                        json ? ServerExport.toJson(fleet) : ServerExport.toIni(fleet), json, which, kind, variant)));
    }

    @Provide
    Arbitrary<String> jsonWithJunkCutOff() {
        String junk = "[[1, {\"a\": [{}, []]}], {\"b\": {\"c\": [2]}}]";
        Arbitrary<String> withJunk = ValidServers.fleet().filter(f -> !f.isEmpty()).map(ServerExport::toJson)
                .flatMap(json -> Arbitraries.of(
                        json.replaceFirst("\\[", "[" + junk + ","),                   // an element that is no server
                        json.replaceFirst("\\{", "{\"notes\": " + junk + ","),         // a value that is no scalar
                        "{\"version\": " + junk + ", \"servers\": " + json + "}",   // a key that is not "servers"
                        json.replaceFirst("\\[", "[" + "[".repeat(1200) + "]".repeat(1200) + ","))); // too deep
        return withJunk.flatMap(BadInput::truncated);
    }

    @Provide
    Arbitrary<Import> mangledExports() {
        return ValidServers.fleet().flatMap(fleet -> Arbitraries.of("ini", "json", "auto").flatMap(format -> {
            String text = format.equals("json") ? ServerExport.toJson(fleet) : ServerExport.toIni(fleet);
            return BadInput.mangled(text).map(mangled -> new Import(format, mangled));
        }));
    }
}
