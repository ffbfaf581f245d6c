package com.ipmimonitor.collection.boundary;

import com.ipmimonitor.collection.control.BmcPoller;
import com.ipmimonitor.collection.control.DefaultCredentials;
import com.ipmimonitor.collection.control.IpmitoolRunner;
import com.ipmimonitor.collection.control.IpmitoolSettings;
import com.ipmimonitor.collection.control.SdrCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Collection settings from MicroProfile Config, and the ipmitool plumbing built from them. */
@ApplicationScoped
public class CollectionConfig {

    static final int SEL_BATCH = 128;

    @Inject @ConfigProperty(name = "ipmitool.path") String executable;
    @Inject @ConfigProperty(name = "ipmitool.timeout") int timeoutSeconds;
    @Inject @ConfigProperty(name = "ipmitool.session.timeout") int sessionTimeout;
    @Inject @ConfigProperty(name = "ipmitool.retries") int retries;
    @Inject @ConfigProperty(name = "ipmitool.cipher.suite") int cipherSuite;
    @Inject @ConfigProperty(name = "ipmi.user") String user;
    // empty values count as missing in MicroProfile Config, hence Optional
    @Inject @ConfigProperty(name = "ipmi.pass") Optional<String> password;
    @Inject @ConfigProperty(name = "ipmi.pass.nvidia") Optional<String> nvidiaPassword;
    @Inject @ConfigProperty(name = "collector.threads") int threads;
    @Inject @ConfigProperty(name = "collector.first.read.sessions", defaultValue = "10") int firstReadSessions;
    @Inject @ConfigProperty(name = "data.dir") String dataDir;
    @Inject @ConfigProperty(name = "collector.lease.seconds") Optional<Integer> leaseSeconds;
    @Inject @ConfigProperty(name = "sensor.poll.multiplier", defaultValue = "1") int sensorPollMultiplier;

    /** Polls of each server since this start, for SENSOR_POLL_MULTIPLIER (a restart reads sensors at once). */
    private final Map<Long, Integer> pollsSinceStart = new ConcurrentHashMap<>();

    private BmcPoller poller;
    private String instanceId;

    @PostConstruct
    void init() {
        Path home = Path.of(dataDir, "ipmitool-home").toAbsolutePath();
        Path work = Path.of(dataDir, "ipmitool-work").toAbsolutePath();
        installTrimmedEnterpriseNumbers(home);
        createPrivateDir(work);
        var settings = new IpmitoolSettings(executable, Duration.ofSeconds(timeoutSeconds), sessionTimeout, retries, home, work);
        Path sdrCache = Path.of(dataDir, "sdr-cache").toAbsolutePath();
        createPrivateDir(sdrCache);
        poller = new BmcPoller(new IpmitoolRunner(settings), SEL_BATCH, new SdrCache(sdrCache));
        instanceId = ManagementFactory.getRuntimeMXBean().getName();
    }

    public BmcPoller poller() {
        return poller;
    }

    /** Whether this poll of the server reads sensors: every SENSOR_POLL_MULTIPLIER-th poll, the first one included. */
    public boolean sensorsDue(long serverId) {
        int every = Math.max(1, sensorPollMultiplier);
        return pollsSinceStart.merge(serverId, 1, (a, b) -> a % every + 1) == 1;
    }

    public DefaultCredentials defaults() {
        return new DefaultCredentials(user, password.orElse(""), nvidiaPassword.orElse(""), cipherSuite);
    }

    public int threads() {
        return Math.max(1, threads);
    }

    /**
     * Slots for first reads (servers whose SEL was never read) besides the collector threads: a first read mostly
     * waits for its BMC, so adding a fleet keeps more sessions in flight (COLLECTOR_FIRST_READ_SESSIONS, 0: none).
     */
    public int firstReadSessions() {
        return Math.max(0, firstReadSessions);
    }

    /** From now on, no ipmitool runs: those under way are killed (see OrderlyStop). */
    public void stopIpmitool() {
        poller.stopIpmitool();
    }

    /** Whether the app is stopping: a poll failing now was cut short by the stop, not by its BMC. */
    public boolean stopping() {
        return poller.ipmitoolStopped();
    }

    public String instanceId() {
        return instanceId;
    }

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath();
    }

    /**
     * A poll may run several ipmitool calls; the lease must outlive the slowest legitimate poll. It is also how
     * long the servers of a crashed instance wait before another instance takes them over.
     */
    public Duration leaseDuration() {
        return Duration.ofSeconds(leaseSeconds.orElse(timeoutSeconds * 4 + 60));
    }

    private static void installTrimmedEnterpriseNumbers(Path home) {
        Path target = home.resolve(".local/usr/share/misc/enterprise-numbers.txt");
        try (InputStream in = CollectionConfig.class.getResourceAsStream("/ipmitool/enterprise-numbers.txt")) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare ipmitool HOME in " + home, e);
        }
    }

    private static void createPrivateDir(Path dir) {
        try {
            Files.createDirectories(dir);
            dir.toFile().setReadable(false, false);
            dir.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
