package com.ipmimonitor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A BMC behind a slow link: still polled (slowly), classified UNREACHABLE once the link is slower than ipmitool
 * waits for an answer (never as a broken BMC), and never holding up the rest of the fleet.
 *
 * <p>The link is a user-space relay (SlowLink), not {@code tc netem} in a network namespace: the kernel of the
 * machines these tests run on lacks sch_netem ({@code unshare -n sh -c 'ip link set lo up; tc qdisc add dev lo root
 * netem delay 100ms'} fails with "Specified qdisc kind is unknown.").
 */
class SlowLinkIT {

    private final ItEnvironment env = ItEnvironment.get();
    private final PollWatch polls = new PollWatch(env);

    /**
     * The link goes away in the middle of a long SEL read. ipmitool would wait for every remaining command of its
     * batch (2 s each with the ITs' -N 1 -R 1; 6 s with the defaults) until the ipmitool timeout (120 s here), holding
     * a collector thread; the app gives up after three unanswered commands in a row.
     */
    @Test
    void aLinkLostInTheMiddleOfASelReadEndsThePollInSecondsNotAtTheTimeout() throws Exception {
        SimulatedBmc target = env.bmc("large-sel");
        SimulatedBmc far = new SimulatedBmc("lost-link", ItEnvironment.SIM_NET + ".0.202", target.port(), target.user(),
                target.password(), target.selEntries(), target.power(), "lost-link", -1);
        Instant began = Instant.now();
        // 100 ms each way: the first poll reads 1,236 SEL records at 200 ms a command, for minutes
        try (SlowLink link = new SlowLink(far.host(), far.port(), target, Duration.ofMillis(100))) {
            env.register(env.baseUrl(), List.of(far));
            ItEnvironment.await("the first poll of " + far.host() + " under way", 60, () -> leased(far.host()));
            // well into the SEL read (its probe takes about ten answers, ~2 s; one SEL record is one answer), as 20 s were
            ItEnvironment.await("100 answers through the link", 60, () -> link.answers() >= 100);
            assertTrue(leased(far.host()), "the first poll ended before the link went away: " + polls.pollsOf(far.host()));
            Instant cut = Instant.now();
            link.cutOff();

            PollWatch.Poll lost = polls.awaitPollStartedAfter(far.host(), began, Duration.ofMinutes(3));
            Duration afterCut = Duration.between(cut, Instant.now());
            System.out.println("link lost after " + link.answers() + " answers of the first poll: " + lost + ", seen ended " + afterCut + " after the cut");
            assertEquals("UNREACHABLE", lost.outcome(), lost.toString());
            assertTrue(lost.error().endsWith("gave up after 3 commands in a row went unanswered"), lost.toString());
            assertTrue(afterCut.toSeconds() < 60, "the poll ended " + afterCut + " after the link went away");
            assertEquals(0, storedEvents(far.host()), "nothing of a SEL read cut short is stored");
        } finally {
            env.removeServer(far.host());
        }
    }

    private boolean leased(String bmcIp) {
        try (var db = env.appDatabase(); var q = db.prepareStatement("select count(*) from server_status st join server s"
                + " on s.id = st.server_id where s.bmc_ip = ? and st.lease_owner is not null")) {
            q.setString(1, bmcIp);
            var rs = q.executeQuery();
            return rs.next() && rs.getInt(1) == 1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long storedEvents(String bmcIp) {
        try (var db = env.appDatabase(); var q = db.prepareStatement("select count(*) from sel_event e join server s"
                + " on s.id = e.server_id where s.bmc_ip = ?")) {
            q.setString(1, bmcIp);
            var rs = q.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBmcBehindASlowLinkIsPolledAndClassifiedWithoutHoldingUpTheFleet() throws Exception {
        SimulatedBmc target = env.fleet().stream().filter(b -> b.note().equals("normal")).reduce((a, b) -> b).orElseThrow();
        // the same simulated BMC, reached through the relay on a free address of the sim network
        SimulatedBmc slow = new SimulatedBmc("slow-link", ItEnvironment.SIM_NET + ".0.201", target.port(), target.user(),
                target.password(), target.selEntries(), target.power(), "slow-link", -1);
        Instant began = Instant.now();
        // 50 ms each way: every IPMI round trip takes 100 ms instead of well under 1 ms (a poll: ~45 s instead of ~1 s)
        try (SlowLink link = new SlowLink(slow.host(), slow.port(), target, Duration.ofMillis(50))) {
            env.register(env.baseUrl(), List.of(slow));
            polls.assertRestOfFleetKeptItsInterval(began, List.of());
            PollWatch.Poll crawled = polls.awaitPollStartedAfter(slow.host(), began, Duration.ofMinutes(3));
            assertEquals("OK", crawled.outcome(), crawled.toString());
            assertTrue(crawled.durationMs() > 10_000, "the link was not slow: " + crawled);

            // slower than ipmitool waits for an answer (IPMITOOL_SESSION_TIMEOUT=1 s in the ITs): no answer in time
            link.delayEachWay(Duration.ofMillis(1500));
            PollWatch.Poll tooSlow = polls.pollNow(slow.host(), Duration.ofMinutes(3));
            assertEquals("UNREACHABLE", tooSlow.outcome(), tooSlow.toString());
            JsonObject server = polls.server(slow.host());
            assertEquals("UNREACHABLE", server.getString("last_outcome"), server.toString());
            assertFalse(server.getBoolean("is_reachable"), server.toString());
            assertFalse(server.isNull("last_error"), server.toString());
            // including the poll that was under way when the link got slower: slow is never taken for broken
            List<PollWatch.Poll> all = polls.pollsOf(slow.host());
            assertTrue(all.stream().allMatch(p -> Set.of("OK", "UNREACHABLE", "TIMEOUT").contains(p.outcome())), all.toString());
        } finally {
            env.removeServer(slow.host());
        }
    }
}
