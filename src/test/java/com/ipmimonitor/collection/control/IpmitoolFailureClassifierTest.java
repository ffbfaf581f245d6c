package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.ipmi.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpmitoolFailureClassifierTest {

    private static PollOutcome classifyFixture(String name) {
        return IpmitoolFailureClassifier.classify(Fixtures.ipmitool("ipmi_sim/failures/" + name + ".stderr"));
    }

    @Test
    void wrongPassword() {
        assertEquals(PollOutcome.AUTH_FAILED, classifyFixture("wrong_password"));
    }

    @Test
    void anHmacMismatchAfterARakpRetryIsALateAnswerNotAWrongPassword() {
        assertEquals(PollOutcome.UNREACHABLE, classifyFixture("slow_link_rakp"));
    }

    @Test
    void commandsUnansweredInAnOpenSessionMeanTheBmcStoppedAnswering() {
        assertEquals(PollOutcome.UNREACHABLE, classifyFixture("answers_stop_mid_session"));
        assertEquals(PollOutcome.UNSUPPORTED, IpmitoolFailureClassifier.classify("Get SEL Info command failed: Invalid command\n"));
        assertEquals(PollOutcome.ERROR, IpmitoolFailureClassifier.classify("Close Session command failed\n"));
    }

    @Test
    void unansweredCommandsAreToldFromCommandsTheBmcRefused() {
        assertTrue(IpmitoolFailureClassifier.bmcStoppedAnswering(Fixtures.ipmitool("ipmi_sim/failures/sel_batch_unanswered.stderr")));
        assertTrue(IpmitoolFailureClassifier.bmcStoppedAnswering(Fixtures.ipmitool("ipmi_sim/failures/session_lost_after_probe.stderr")));
        assertTrue(IpmitoolFailureClassifier.bmcStoppedAnswering(Fixtures.ipmitool("ipmi_sim/failures/answers_stop_mid_session.stderr")));
        // the end of the SEL: the BMC answered "no such record" (completion code 0xcb)
        assertFalse(IpmitoolFailureClassifier.bmcStoppedAnswering("Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0"
                + " cmd=0x43 rsp=0xcb): Requested sensor, data, or record not found\n"));
        assertFalse(IpmitoolFailureClassifier.bmcStoppedAnswering("Get SEL Info command failed: Invalid command\n"));
        assertFalse(IpmitoolFailureClassifier.bmcStoppedAnswering("Close Session command failed\n"));
    }

    /**
     * The probe (power status, sdr info, sel info with -v) over a link whose delay jitters around the session timeout
     * (a relay delaying each datagram 0.4 - 1.8 s, ipmitool -N 1 -R 1 against ipmi_sim): eleven different stderrs of
     * 40 runs, each a mix of unanswered and late answers. One of them ("Set Session Privilege Level to ADMINISTRATOR
     * failed", then no session) was ERROR and failed SlowLinkIT in CI.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void aProbeOverALinkSlowerThanTheSessionTimeoutIsUnreachable(int run) {
        assertEquals(PollOutcome.UNREACHABLE, classifyFixture("slow_link/probe_" + run));
    }

    @Test
    void aLoginErrorTheBmcNamesIsBelievedEvenAfterAnUnansweredRakpMessage() {
        assertEquals(PollOutcome.AUTH_FAILED, IpmitoolFailureClassifier.classify("> Error: no response from RAKP 1 message\n"
                + Fixtures.ipmitool("ipmi_sim/failures/wrong_user.stderr")));
        assertEquals(PollOutcome.UNREACHABLE, IpmitoolFailureClassifier.classify("> Error: no response from RAKP 3 message\n"
                + "Error: Unable to establish IPMI v2 / RMCP+ session\n"));
    }

    @Test
    void aPrivilegeRequestTheBmcRefusedIsNoUnansweredOne() {
        assertEquals(PollOutcome.AUTH_FAILED, IpmitoolFailureClassifier.classify(
                "Set Session Privilege Level to ADMINISTRATOR failed: Insufficient privilege level\n"
                + "Error: Unable to establish IPMI v2 / RMCP+ session\n"));
        assertFalse(IpmitoolFailureClassifier.bmcStoppedAnswering(
                "Set Session Privilege Level to ADMINISTRATOR failed: Requested privilege level exceeds limit\n"));
    }

    @Test
    void wrongUser() {
        assertEquals(PollOutcome.AUTH_FAILED, classifyFixture("wrong_user"));
    }

    @Test
    void unreachable() {
        assertEquals(PollOutcome.UNREACHABLE, classifyFixture("unreachable"));
    }

    @Test
    void unsupportedCipherSuite() {
        assertEquals(PollOutcome.UNSUPPORTED, classifyFixture("cipher17"));
    }

    @Test
    void invalidCommandCompletionCode() {
        assertEquals(PollOutcome.UNSUPPORTED, classifyFixture("invalid_cmd"));
    }

    @Test
    void insufficientPrivilege() {
        assertEquals(PollOutcome.AUTH_FAILED, IpmitoolFailureClassifier.classify(
                "Set Chassis Power Control to Down/Off failed: Insufficient privilege level\n"));
    }

    @Test
    void superMicroBoardIdNoiseAloneIsNotUnsupported() {
        String stderr = Fixtures.ipmitool("ipmi_sim_supermicro/sel_elist.stderr")
                + "Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0 cmd=0x43 rsp=0xcb): "
                + "Requested sensor, data, or record not found\n";
        assertEquals(PollOutcome.ERROR, IpmitoolFailureClassifier.classify(stderr));
    }

    @Test
    void anAsfPongWithoutIpmiIsAProtocolErrorNamedAsSuch() {
        String said = Fixtures.ipmitool("not-a-bmc/asf_pong_without_ipmi.stdout")
                + Fixtures.ipmitool("not-a-bmc/asf_pong_without_ipmi.stderr");
        assertEquals(PollOutcome.PROTOCOL_ERROR, IpmitoolFailureClassifier.classify(said));
        assertEquals("Received IPMI/RMCP response packet: IPMI NOT Supported", IpmitoolFailureClassifier.reason(said));
    }

    @Test
    void lateAnswersOverASlowLinkAreNoProtocolError() {
        // what a garbage Open Session Response prints is also what a BMC's late answer to a retried request prints
        assertEquals(PollOutcome.UNREACHABLE, IpmitoolFailureClassifier.classify(
                Fixtures.ipmitool("not-a-bmc/open_session_response_out_of_turn.stderr")));
        assertEquals(PollOutcome.UNREACHABLE, IpmitoolFailureClassifier.classify(
                "IPMI Request Match NOT FOUND\n" + Fixtures.ipmitool("ipmi_sim/failures/unreachable.stderr")));
    }

    @Test
    void otherwiseTheReasonIsIpmitoolsLastWord() {
        assertEquals("Error: Unable to establish IPMI v2 / RMCP+ session",
                IpmitoolFailureClassifier.reason(Fixtures.ipmitool("ipmi_sim/failures/wrong_password.stderr")));
        assertEquals("no output", IpmitoolFailureClassifier.reason("\n \n"));
    }

    @Test
    void unknownTextIsError() {
        assertEquals(PollOutcome.ERROR, IpmitoolFailureClassifier.classify("Segmentation fault\n"));
    }
}
