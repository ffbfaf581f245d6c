package com.ipmimonitor.collection.control.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.collection.entity.FailureKind;
import org.junit.jupiter.api.Test;

class IpmitoolFailureClassifierTest {

    private static FailureKind classifyFixture(String name) {
        return IpmitoolFailureClassifier.classify(Fixtures.ipmitool("ipmi_sim/failures/" + name + ".stderr"));
    }

    @Test
    void wrongPassword() {
        assertEquals(FailureKind.AUTH_FAILED, classifyFixture("wrong_password"));
    }

    @Test
    void wrongUser() {
        assertEquals(FailureKind.AUTH_FAILED, classifyFixture("wrong_user"));
    }

    @Test
    void unreachable() {
        assertEquals(FailureKind.UNREACHABLE, classifyFixture("unreachable"));
    }

    @Test
    void unsupportedCipherSuite() {
        assertEquals(FailureKind.UNSUPPORTED, classifyFixture("cipher17"));
    }

    @Test
    void invalidCommandCompletionCode() {
        assertEquals(FailureKind.UNSUPPORTED, classifyFixture("invalid_cmd"));
    }

    @Test
    void insufficientPrivilege() {
        assertEquals(FailureKind.AUTH_FAILED, IpmitoolFailureClassifier.classify(
                "Set Chassis Power Control to Down/Off failed: Insufficient privilege level\n"));
    }

    @Test
    void superMicroBoardIdNoiseAloneIsNotUnsupported() {
        String stderr = Fixtures.ipmitool("ipmi_sim_supermicro/sel_elist.stderr")
                + "Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0 cmd=0x43 rsp=0xcb): "
                + "Requested sensor, data, or record not found\n";
        assertEquals(FailureKind.ERROR, IpmitoolFailureClassifier.classify(stderr));
    }

    @Test
    void unknownTextIsError() {
        assertEquals(FailureKind.ERROR, IpmitoolFailureClassifier.classify("Segmentation fault\n"));
    }
}
