package com.ipmimonitor.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

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
            "ERROR", "ipmitool failed: see the error text.");

    public String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public String ago(OffsetDateTime t) {
        return ago(t, OffsetDateTime.now(ZoneOffset.UTC));
    }

    static String ago(OffsetDateTime t, OffsetDateTime now) {
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
}
