package com.ipmimonitor.collection.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs ipmitool against one BMC: no shell, the password only in the child's environment (-E), a hard
 * timeout after which the process and all its children are killed.
 */
public class IpmitoolRunner {

    /** How often a running ipmitool's output is looked at; an unanswered command takes at least a second. */
    private static final Duration WATCH_EVERY = Duration.ofMillis(250);
    /** A path ipmitool's exec takes as one word as it is. */
    private static final Pattern EXEC_SAFE_PATH = Pattern.compile("[A-Za-z0-9/._+,:=@-]+");

    private final IpmitoolSettings settings;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public IpmitoolRunner(IpmitoolSettings settings) {
        this.settings = settings;
    }

    /**
     * The app is stopping: kills every ipmitool under way (with its children) and refuses new runs, so that none
     * outlives the app. Their polls end as failures that the caller, which knows it is stopping, does not record.
     */
    public void stopAll() {
        stopped = true;
        running.forEach(IpmitoolRunner::destroyTree);
    }

    public boolean stopped() {
        return stopped;
    }

    public IpmitoolResult run(BmcTarget target, List<String> command) {
        return run(target, command, settings.timeout());
    }

    public IpmitoolResult run(BmcTarget target, List<String> command, Duration timeout) {
        return run(target, command, timeout, false);
    }

    private IpmitoolResult run(BmcTarget target, List<String> command, Duration timeout, boolean verbose) {
        List<String> args = new ArrayList<>(baseArguments(target));
        if (verbose) {
            // -v makes ipmitool say why a session failed (RAKP HMAC vs no answer). It also changes the
            // output of some commands (sdr elist), so only session-opening probes use it.
            args.add("-v");
        }
        args.addAll(command);
        return execute(args, target.password(), timeout);
    }

    /** Several commands in one RMCP+ session (ipmitool exec): one session setup instead of one per command. */
    public IpmitoolResult exec(BmcTarget target, List<String> commandLines) {
        return exec(target, commandLines, false);
    }

    /** exec whose sensor commands read names and conversions from an SDR cache file instead of the BMC (-S). */
    public IpmitoolResult exec(BmcTarget target, List<String> commandLines, Optional<Path> sdrCache) {
        return exec(target, commandLines, false, sdrCache);
    }

    /** Like exec, with -v so that a failure to open the session can be told apart (see IpmitoolFailureClassifier). */
    public IpmitoolResult probe(BmcTarget target, List<String> commandLines) {
        return exec(target, commandLines, true, Optional.empty());
    }

    /** A probe whose sensor commands read names and conversions from an SDR cache file instead of the BMC (-S). */
    public IpmitoolResult probe(BmcTarget target, List<String> commandLines, Optional<Path> sdrCache) {
        return exec(target, commandLines, true, sdrCache);
    }

    /** The ipmitool arguments, preceded by -S and the cache file when there is one. */
    static List<String> withSdrCache(Optional<Path> sdrCache, String... arguments) {
        List<String> command = new ArrayList<>(sdrCache.map(cache -> List.of("-S", cache.toString())).orElse(List.of()));
        command.addAll(List.of(arguments));
        return command;
    }

    public Path workDir() {
        return settings.workDir();
    }

    private IpmitoolResult exec(BmcTarget target, List<String> commandLines, boolean verbose) {
        return exec(target, commandLines, verbose, Optional.empty());
    }

    private IpmitoolResult exec(BmcTarget target, List<String> commandLines, boolean verbose, Optional<Path> sdrCache) {
        Path batch = null;
        try {
            batch = Files.createTempFile(settings.workDir(), "batch", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(batch, commandLines, StandardCharsets.US_ASCII);
            return run(target, withSdrCache(sdrCache, "exec", batch.toString()), settings.timeout(), verbose);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(batch);
        }
    }

    /**
     * `sdr dump FILE` into a file of our own work dir: the SDR's records as the BMC holds them (empty when
     * ipmitool wrote nothing). The result says how the run ended; the bytes are read before the file is deleted.
     */
    public SdrDump sdrDump(BmcTarget target) {
        Path file = null;
        try {
            file = Files.createTempFile(settings.workDir(), "sdr", ".bin",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            IpmitoolResult result = run(target, List.of("sdr", "dump", file.toString()));
            return new SdrDump(result, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * A probe (-v) whose batch has `sdr dump FILE` between the lines before and after: the SDR read in the probe's
     * session instead of a session of its own (a session's setup costs ipmitool more CPU than the whole dump). The bytes are read before the file is
     * deleted. exec splits its lines at spaces and takes '#', quotes and '~' for syntax: a work dir whose path holds
     * any other character gets no dump line, and the caller, finding no dump, runs sdrDump.
     */
    public SdrDump probeWithSdrDump(BmcTarget target, List<String> before, List<String> after) {
        Path file = null;
        try {
            file = Files.createTempFile(settings.workDir(), "sdr", ".bin",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            List<String> lines = new ArrayList<>(before);
            if (EXEC_SAFE_PATH.matcher(file.toString()).matches()) {
                lines.add("sdr dump " + file);
            }
            lines.addAll(after);
            IpmitoolResult result = exec(target, lines, true, Optional.empty());
            return new SdrDump(result, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** What `sdr dump` wrote, and how the run ended. */
    public record SdrDump(IpmitoolResult result, byte[] bytes) {
    }

    List<String> baseArguments(BmcTarget target) {
        return List.of(settings.executable(), "-I", "lanplus", "-H", target.host(), "-p", String.valueOf(target.port()),
                "-U", target.user(), "-E", "-C", String.valueOf(target.cipherSuite()),
                "-N", String.valueOf(settings.sessionTimeoutSeconds()), "-R", String.valueOf(settings.retries()));
    }

    private IpmitoolResult execute(List<String> args, String password, Duration timeout) {
        Path out = null;
        Path err = null;
        Process process = null;
        long start = System.nanoTime();
        try {
            out = Files.createTempFile(settings.workDir(), "out", ".txt");
            err = Files.createTempFile(settings.workDir(), "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            if (password != null && password.indexOf('\0') >= 0) {
                // the JDK would refuse the variable with a message that quotes the password (and it may be logged)
                throw new IllegalArgumentException("the BMC password contains a NUL character; set it again");
            }
            pb.environment().put("IPMI_PASSWORD", password == null ? "" : password);
            pb.environment().put("HOME", settings.home().toString());
            if (stopped) {
                throw new IllegalStateException("the app is stopping: ipmitool not started");
            }
            process = pb.start();
            running.add(process);
            if (stopped) {
                destroyTree(process); // stopAll ran between the check above and the add
            }
            End end = awaitEnd(process, timeout, new BmcSilence(out, err));
            if (end != End.EXITED) {
                killTree(process);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String stderr = Files.readString(err, StandardCharsets.ISO_8859_1);
            if (end == End.GAVE_UP) {
                // the operator's reason for the poll: ipmitool's own last word would be one unanswered command
                stderr += "ipmi-monitor: gave up after " + BmcSilence.UNANSWERED_IN_A_ROW
                        + " commands in a row went unanswered\n";
            }
            return new IpmitoolResult(end == End.EXITED ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.ISO_8859_1), stderr, took, end == End.TIMED_OUT,
                    end == End.GAVE_UP);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + settings.executable(), e);
        } catch (InterruptedException e) {
            // the app is stopping (its executor interrupts the polls): ipmitool must not outlive it
            if (process != null) {
                destroyTree(process);
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ipmitool", e);
        } finally {
            if (process != null) {
                running.remove(process);
            }
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private enum End { EXITED, TIMED_OUT, GAVE_UP }

    /** Waits for the process to exit, until the timeout, or until its BMC has stopped answering. */
    private static End awaitEnd(Process process, Duration timeout, BmcSilence silence) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return End.TIMED_OUT;
            }
            if (process.waitFor(Math.min(left, WATCH_EVERY.toNanos()), TimeUnit.NANOSECONDS)) {
                return End.EXITED;
            }
            if (silence.bmcStoppedAnswering()) {
                return End.GAVE_UP;
            }
        }
    }

    private static void killTree(Process process) throws InterruptedException {
        destroyTree(process);
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file in our own work dir is harmless
            }
        }
    }
}
