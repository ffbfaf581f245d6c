package com.ipmimonitor.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.BadInput;
import com.ipmimonitor.Fuzzing;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The text after "key =" of a server INI file: read without failing, and written so it reads back unchanged. */
class IniValueFuzzTest {

    @Property(tries = 2000, seed = Fuzzing.SEED)
    void anyTextAfterTheEqualsSignIsAValueOrAnError(@ForAll("anyText") String afterEquals) {
        IniValue.Read read = IniValue.read(afterEquals);

        assertTrue(read.error() == null ^ read.value() == null, read.toString());
        assertTrue(read.error() == null || !read.error().isBlank(), read.toString());
    }

    @Property(tries = 2000, seed = Fuzzing.SEED)
    void anyValueWrittenReadsBackUnchanged(@ForAll("anyText") String value) {
        IniValue.Read read = IniValue.read(IniValue.write(value));

        assertEquals(value, read.value(), "written as " + IniValue.write(value));
    }

    @Provide
    Arbitrary<String> anyText() {
        return BadInput.anyText();
    }
}
