package com.ipmimonitor.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** ?next= of the sign-in form, whatever an attacker puts there, leads to a page of this application. */
class LoginRedirectFuzzTest {

    @Property(tries = 2000, seed = Fuzzing.SEED)
    void anyNextGivesAPathOfThisApplication(@ForAll("nexts") String next) {
        String target = LoginServlet.localPath(next);

        // kept as it was, or resolved as a browser would (dot segments), or the root
        assertTrue(target.equals("/") || target.equals(next) || next.contains("."), target);
        assertTrue(target.startsWith("/"), target);
        // "//host" and "/\host" are other hosts to a browser, which also drops tabs and newlines before reading it
        String asBrowsersRead = target.replaceAll("[\\t\\n\\r]", "");
        assertFalse(asBrowsersRead.startsWith("//") || asBrowsersRead.contains("\\"), target);
        assertTrue(target.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "control character in " + target);
        // no dot segments left for the browser to resolve ("/..//evil.example" would become "//evil.example")
        String path = target.split("[?#]", 2)[0];
        assertFalse(java.util.Arrays.stream(path.split("/")).map(s -> s.toLowerCase(java.util.Locale.ROOT).replace("%2e", "."))
                .anyMatch(s -> s.equals(".") || s.equals("..")), target);
    }

    @Property(tries = 300, seed = Fuzzing.SEED)
    void aPathOfThisApplicationIsKept(@ForAll("pagePaths") String path) {
        assertEquals(path, LoginServlet.localPath(path));
    }

    @Provide
    Arbitrary<String> nexts() {
        Arbitrary<String> attacks = Arbitraries.of("//evil.example", "/\\evil.example", "/\t/evil.example",
                "/\n/evil.example", "https://evil.example", "\\\\evil.example", "/%2F/evil.example", " /x", "/x\u0000",
                "/..//evil.example", "/.//evil.example", "/%2e%2e//evil.example", "/a/../..//evil.example");
        return Arbitraries.oneOf(attacks, BadInput.anyText(), BadInput.anyText().map(s -> "/" + s)).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> pagePaths() {
        Arbitrary<String> segment = Arbitraries.strings().alpha().numeric().withChars("-._~%:=&?").ofMinLength(1)
                .ofMaxLength(12);
        return segment.list().ofMaxSize(4).map(s -> "/" + String.join("/", s));
    }
}
