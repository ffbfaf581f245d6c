package com.ipmimonitor.web;

import com.ipmimonitor.collection.entity.SelFill;
import com.ipmimonitor.overview.boundary.ServerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** #{fmt.…}: times, ages and what-to-do hints as the pages show them. Times are UTC, labelled so. */
@Named("fmt")
@ApplicationScoped
public class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    // what an operator can do about each failure kind (PollOutcome names)
    private static final Map<String, String> HINTS = Map.of(
            "UNREACHABLE", "No answer from the BMC: check that this host reaches UDP port 623 of the BMC and that "
                    + "IPMI over LAN is enabled on it.",
            "AUTH_FAILED", "The BMC refused the user name or password: set this server's credentials on Settings, "
                    + "or IPMI_USER / IPMI_PASS (IPMI_PASS_NVIDIA for NVIDIA servers).",
            "TIMEOUT", "ipmitool did not finish in time: the BMC or the link is slow; it is retried at the next poll.",
            "UNSUPPORTED", "The BMC does not support a command we need (see the error); other data is still collected.",
            "PROTOCOL_ERROR", "Something answers on the BMC's address, but not with IPMI (see the error): check that the "
                    + "address and port are the BMC's; a BMC that answered before may need a reset.",
            "PARSE_ERROR", "The BMC's answer could not be read: please report the error text with the BMC model.",
            "TLS_FAILED", "The HTTPS handshake with the BMC failed (see the error): check the server's CA bundle on "
                    + "Settings, or that the address is the BMC's.",
            "CERTIFICATE_CHANGED", "The BMC presents another HTTPS certificate than the one trusted before: if it was "
                    + "replaced on purpose (new firmware, a reset), accept the new one on the server page; until then "
                    + "it is not polled.",
            "ERROR", "ipmitool failed: see the error text.");

    /** The cipher suite of servers that have none of their own and never polled (IPMITOOL_CIPHER_SUITE). */
    @Inject
    @ConfigProperty(name = "ipmitool.cipher.suite", defaultValue = "3")
    int defaultCipherSuite = 3;

    public String time(OffsetDateTime t) {
        return utc(t);
    }

    /** As the pages write a time: "2026-12-07 08:30:00 UTC", "" for none. */
    public static String utc(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public String ago(OffsetDateTime t) {
        return ago(t, OffsetDateTime.now(ZoneOffset.UTC));
    }

    public static String ago(OffsetDateTime t, OffsetDateTime now) {
        if (t == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(t, now).getSeconds());
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 48 * 3600) {
            return s / 3600 + " h ago";
        }
        return s / 86400 + " days ago";
    }

    /** 85.0 as "85", 12.06 as "12.06", no value as "-". */
    public String number(Double value) {
        if (value == null) {
            return "-";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf(value.longValue())
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Three thresholds as "nr / cr / nc" (or nc / cr / nr), empty when the BMC has none of them. */
    public String thresholds(Double first, Double second, Double third) {
        if (first == null && second == null && third == null) {
            return "";
        }
        return number(first) + " / " + number(second) + " / " + number(third);
    }

    public String hint(String outcome) {
        return outcome == null ? "" : HINTS.getOrDefault(outcome, "");
    }

    /**
     * The hint for this server's last outcome, naming its own port and cipher suite: "UDP port 623" sends the
     * operator of a BMC on port 6230 to check the wrong thing.
     */
    public String hintFor(ServerView s) {
        String outcome = s.lastOutcome();
        int suite = s.cipherSuite() == null ? defaultCipherSuite : s.cipherSuite();
        if ("UNREACHABLE".equals(outcome)) {
            return "No answer from the BMC: check that this host reaches UDP port " + s.port() + " of " + s.bmcIp()
                    + ", that IPMI over LAN is enabled on the BMC and that it accepts cipher suite " + suite
                    + " (ipmitool -I lanplus -C " + suite + ").";
        }
        if ("PROTOCOL_ERROR".equals(outcome)) {
            return "Something answers on " + s.bmcIp() + " UDP port " + s.port() + ", but not with IPMI (see the error): "
                    + "check that the address and port are the BMC's; a BMC that answered before may need a reset.";
        }
        return hint(outcome);
    }

    /** "SEL full, events lost", "SEL 93 % used", or "" when the BMC did not say. */
    public String sel(ServerView s) {
        return s.selFill().describe();
    }

    /** critical when events are lost, warning from 90 %, ok below; "" when unknown. */
    public String selClass(ServerView s) {
        return selClass(s.selFill());
    }

    public static String selClass(SelFill fill) {
        if (fill.overflow() || fill.usedRatio().map(r -> r >= 1.0).orElse(false)) {
            return "critical";
        }
        return fill.full() ? "warning" : fill.usedRatio().isPresent() ? "ok" : "";
    }
}
