package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4515 escaping of values put into search filters: what a user types must never become filter syntax. */
class LdapFilterTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "* => \\2a",
            "( => \\28",
            ") => \\29",
            "\\ => \\5c",
            "admin)(uid=* => admin\\29\\28uid=\\2a",
            "*)(|(uid=* => \\2a\\29\\28|\\28uid=\\2a",
            "alice => alice",
            "Jürgen Ølsen => Jürgen Ølsen"})
    void reservedCharactersBecomeHexEscapes(String typed, String escaped) {
        assertEquals(escaped, LdapFilter.escape(typed));
    }

    @Test
    void nulBecomesAnEscapeToo() {
        assertEquals("a\\00b", LdapFilter.escape("a\0b"));
    }

    @Test
    void injectionAttemptsStayInsideTheValue() {
        assertEquals("(uid=\\2a)", LdapFilter.fill("(uid={0})", "*"));
        assertEquals("(&(objectClass=person)(uid=ali\\2a))", LdapFilter.fill("(&(objectClass=person)(uid={0}))", "ali*"));
        assertEquals("(uid=admin\\29\\28uid=\\2a)", LdapFilter.fill("(uid={0})", "admin)(uid=*"));
    }

    @Test
    void everyPlaceholderIsFilledWithItsValue() {
        assertEquals("(|(member=cn=Eve \\28Ops\\29\\2a,ou=people)(memberUid=eve))",
                LdapFilter.fill("(|(member={0})(memberUid={1}))", "cn=Eve (Ops)*,ou=people", "eve"));
        assertEquals("(&(uid=bob)(mail=bob))", LdapFilter.fill("(&(uid={0})(mail={0}))", "bob"));
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotFilledAgain() {
        assertEquals("(|(member=cn={1})(memberUid=eve))", LdapFilter.fill("(|(member={0})(memberUid={1}))", "cn={1}", "eve"));
    }

    @Test
    void aPlaceholderWithoutValueIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> LdapFilter.fill("(member={1})", "cn=x"));
    }

    @Test
    void highestPlaceholderTellsWhatAFilterUses() {
        assertEquals(-1, LdapFilter.highestPlaceholder("(objectClass=*)"));
        assertEquals(0, LdapFilter.highestPlaceholder("(uid={0})"));
        assertEquals(1, LdapFilter.highestPlaceholder("(|(member={0})(memberUid={1}))"));
    }
}
