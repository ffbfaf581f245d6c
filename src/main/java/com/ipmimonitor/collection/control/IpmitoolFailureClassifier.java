package com.ipmimonitor.collection.control;

import com.ipmimonitor.collection.entity.PollOutcome;
import java.util.List;
import java.util.Locale;

/**
 * Tells apart why ipmitool (run with {@code -v}) failed, from its stderr. Exit code 1 covers wrong password,
 * wrong user and an unreachable BMC alike, and all three end with "Unable to establish IPMI v2 / RMCP+ session";
 * only the lines before it differ. A link slower than the session timeout must not pass for a wrong password or a
 * broken BMC: late answers look odd to ipmitool too. TIMEOUT is decided by the caller, which owns the clock.
 */
public final class IpmitoolFailureClassifier {

    // ipmitool -v probes Get VSO Capabilities and Super Micro's Get Board ID on every run; their "Invalid command"
    // answers appear on successful runs too and say nothing about the failure
    private static final List<String> PROBE_NOISE = List.of(
            "invalid completion code received", "get board id command failed", "get vso capabilities");

    private static final List<String> AUTH_FAILED = List.of(
            "rakp 2 hmac is invalid", "unauthorized name", "insufficient privilege level",
            "activate session command failed", "invalid role", "password invalid");
    // the BMC's own words in a RAKP or privilege answer: believed even when other answers of the run came late
    private static final List<String> BMC_NAMED_THE_LOGIN_ERROR = List.of(
            "unauthorized name", "invalid role", "insufficient privilege level", "exceeds limit");
    private static final List<String> UNSUPPORTED = List.of(
            "invalid authentication algorithm", "invalid integrity algorithm", "invalid confidentiality algorithm",
            "no matching cipher suite", "invalid command", "command not supported");
    private static final List<String> UNREACHABLE = List.of(
            "get auth capabilities error", "error issuing get channel authentication capabilities",
            "address lookup for", "no response from remote controller", "connection refused");
    // something answered, but not as an IPMI BMC does: an ASF pong that says "no IPMI here" (a NIC or another
    // service on the port). "Received an Unexpected Open Session Response" and "IPMI Request Match NOT FOUND" are
    // not among them: a real BMC's late answers over a slow link print them too (seen in SlowLinkIT)
    private static final List<String> NOT_IPMI = List.of("ipmi not supported");

    private IpmitoolFailureClassifier() {
    }

    public static PollOutcome classify(String stderr) {
        List<String> lines = stderr.lines()
                .map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> PROBE_NOISE.stream().noneMatch(line::contains))
                .toList();
        if (answeredTooLate(lines)) {
            return PollOutcome.UNREACHABLE;
        }
        if (mentions(lines, AUTH_FAILED)) {
            return PollOutcome.AUTH_FAILED;
        }
        if (mentions(lines, UNSUPPORTED)) {
            return PollOutcome.UNSUPPORTED;
        }
        // before UNREACHABLE: a session that failed over a wrong answer ends with the same lines as one over silence
        if (mentions(lines, NOT_IPMI)) {
            return PollOutcome.PROTOCOL_ERROR;
        }
        if (mentions(lines, UNREACHABLE) || lines.stream().anyMatch(IpmitoolFailureClassifier::unanswered)) {
            return PollOutcome.UNREACHABLE;
        }
        return PollOutcome.ERROR;
    }

    /**
     * The line to show an operator: what came back when it was not IPMI, else ipmitool's last word (which is the
     * same "Unable to establish IPMI v2 / RMCP+ session" for every failed session and tells nothing more).
     */
    public static String reason(String output) {
        List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return lines.stream().filter(line -> NOT_IPMI.stream().anyMatch(line.toLowerCase(Locale.ROOT)::contains))
                .findFirst().orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
    }

    /**
     * Whether commands of the run went unanswered, so that its output stops short of what was asked: the session
     * could not be opened, a raw command got no response ("rsp=" names the completion code of one the BMC refused,
     * which is an answer), or a command failed without a completion code.
     */
    public static boolean bmcStoppedAnswering(String stderr) {
        return noSession(stderr) || stderr.lines().anyMatch(IpmitoolFailureClassifier::unansweredCommand);
    }

    /** One line of stderr that says a command got no answer at all (see bmcStoppedAnswering). */
    public static boolean unansweredCommand(String stderrLine) {
        String line = stderrLine.strip().toLowerCase(Locale.ROOT);
        return line.startsWith("unable to send raw command") && !line.contains("rsp=")
                || unanswered(line) && PROBE_NOISE.stream().noneMatch(line::contains);
    }

    /** ipmitool's last word whenever no session could be opened, whatever the reason. */
    public static boolean noSession(String stderr) {
        return stderr.contains("Unable to establish IPMI v2 / RMCP+ session");
    }

    /**
     * ipmitool's own convention: "Get SEL Info command failed" or "Set Session Privilege Level to ADMINISTRATOR
     * failed" alone when no answer came, "...failed: &lt;completion code&gt;" when the BMC refused. A session whose
     * commands go unanswered has a BMC that stopped answering (frozen, or a link that got slower than the session
     * timeout: over such a link the privilege request of the session setup is the one left unanswered, seen in
     * SlowLinkIT). Close Session is left out: some BMCs never answer it.
     */
    private static boolean unanswered(String line) {
        String l = line.strip();
        return l.endsWith(" failed") && !l.startsWith("close session");
    }

    /**
     * Over a link slower than the session timeout (-N), the BMC's answer to the first RAKP 1 arrives after ipmitool
     * sent it again, and is checked against the second one's random number: "RAKP 2 HMAC is invalid" then means
     * "too late", not "wrong password" (seen in SlowLinkIT). Whatever else follows an unanswered RAKP message (late
     * answers to earlier tries, a privilege request left unanswered) comes from the link too. A BMC that names the
     * error itself ("unauthorized name") is still believed.
     */
    private static boolean answeredTooLate(List<String> lines) {
        return mentions(lines, List.of("no response from rakp")) && !mentions(lines, BMC_NAMED_THE_LOGIN_ERROR);
    }

    private static boolean mentions(List<String> lines, List<String> phrases) {
        return lines.stream().anyMatch(line -> phrases.stream().anyMatch(line::contains));
    }
}
