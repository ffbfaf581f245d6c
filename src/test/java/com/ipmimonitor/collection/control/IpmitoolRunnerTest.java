package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IpmitoolRunner against a fake ipmitool (a shell script) that records what it was given. */
class IpmitoolRunnerTest {

    private static final String PASSWORD = "s3cr#t$pa ss'\"word";
    /** What ipmitool prints for a raw command that got no answer (no completion code). */
    private static final String UNANSWERED_RAW = "Unable to send RAW command (channel=0x0 netfn=0xa lun=0x0 cmd=0x43)";
    private static final BmcTarget TARGET = new BmcTarget("127.0.0.1", 6230, "admin", PASSWORD, 3);

    @TempDir
    Path bin;
    @TempDir
    Path home;
    @TempDir
    Path workDir;
    @TempDir
    Path record;

    private Long leftoverChild;

    @BeforeEach
    void noLeftoverChild() {
        leftoverChild = null;
    }

    @AfterEach
    void killLeftoverChild() {
        // only ever the sleep this test's own fake started, found by its pid
        if (leftoverChild != null) {
            ProcessHandle.of(leftoverChild).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private IpmitoolRunner runnerFor(String scriptBody, Duration timeout) throws IOException {
        Path fake = bin.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/bash\n" + scriptBody, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        return new IpmitoolRunner(new IpmitoolSettings(fake.toString(), timeout, 2, 1, home, workDir));
    }

    /** An ipmitool that starts a child (sleep 300) and waits for it: a hang, with a process tree to kill. */
    private IpmitoolRunner runnerWithSleepingChild(Duration timeout) throws IOException {
        return runnerFor("sleep 300 &\necho $! > '" + record.resolve("child.pid") + "'\nwait\n", timeout);
    }

    /** The pid of the sleeping child, once started (at most ~5 s); the child is killed after the test in any case. */
    private long sleepingChild() throws IOException, InterruptedException {
        Path childPid = record.resolve("child.pid");
        for (int i = 0; i < 50 && !Files.exists(childPid); i++) {
            Thread.sleep(100);
        }
        leftoverChild = Long.parseLong(Files.readString(childPid).trim());
        return leftoverChild;
    }

    private String recordArgsScript() {
        return "printf '%s\\n' \"$@\" > '" + record.resolve("args") + "'\n"
                + "printf '%s' \"$IPMI_PASSWORD\" > '" + record.resolve("password") + "'\n"
                + "printf '%s' \"$HOME\" > '" + record.resolve("home") + "'\n";
    }

    private List<String> recordedArgs() throws IOException {
        return Files.readAllLines(record.resolve("args"), StandardCharsets.UTF_8);
    }

    @Test
    void passwordTravelsOnlyInTheEnvironmentNeverOnTheArgumentList() throws IOException {
        IpmitoolRunner runner = runnerFor(recordArgsScript(), Duration.ofSeconds(10));

        IpmitoolResult result = runner.run(TARGET, List.of("sel", "info"));

        assertEquals(0, result.exitCode());
        assertTrue(result.succeeded());
        List<String> args = recordedArgs();
        assertEquals(List.of("-I", "lanplus", "-H", "127.0.0.1", "-p", "6230", "-U", "admin", "-E", "-C", "3",
                "-N", "2", "-R", "1", "sel", "info"), args);
        assertTrue(args.contains("-E"));
        assertFalse(args.contains("-P"));
        assertTrue(args.stream().noneMatch(a -> a.contains(PASSWORD) || a.contains("s3cr")), args.toString());
        assertEquals(PASSWORD, Files.readString(record.resolve("password"), StandardCharsets.UTF_8));
        assertEquals(home.toString(), Files.readString(record.resolve("home"), StandardCharsets.UTF_8));
    }

    @Test
    void nullPasswordIsPassedAsEmptyEnvironmentValue() throws IOException {
        IpmitoolRunner runner = runnerFor(recordArgsScript(), Duration.ofSeconds(10));

        runner.run(new BmcTarget("bmc.example", 623, "root", null, 17), List.of("chassis", "power", "status"));

        assertEquals("", Files.readString(record.resolve("password"), StandardCharsets.UTF_8));
        List<String> args = recordedArgs();
        assertEquals(List.of("-I", "lanplus", "-H", "bmc.example", "-p", "623", "-U", "root", "-E", "-C", "17",
                "-N", "2", "-R", "1", "chassis", "power", "status"), args);
    }

    @Test
    void aPasswordWithANulIsRefusedWithoutQuotingIt() throws IOException {
        IpmitoolRunner runner = runnerFor(recordArgsScript(), Duration.ofSeconds(10));
        var target = new BmcTarget("bmc.example", 623, "root", "sec\0ret-pw", 3);

        var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> runner.run(target, List.of("chassis", "power", "status")));
        org.junit.jupiter.api.Assertions.assertFalse(refused.getMessage().contains("ret-pw"), refused.getMessage());
    }

    @Test
    void targetToStringDoesNotShowThePassword() {
        assertEquals("admin@127.0.0.1:6230 (cipher 3)", TARGET.toString());
        assertFalse(TARGET.toString().contains("s3cr"));
    }

    @Test
    void hardTimeoutKillsTheProcessAndItsChildren() throws IOException, InterruptedException {
        IpmitoolRunner runner = runnerWithSleepingChild(Duration.ofSeconds(30));

        IpmitoolResult result = runner.run(TARGET, List.of("sel", "info"), Duration.ofSeconds(1));

        assertTrue(result.timedOut());
        assertEquals(-1, result.exitCode());
        assertFalse(result.succeeded());
        long pid = sleepingChild();
        assertTrue(awaitGone(pid), "child sleep " + pid + " still alive after the timeout");
    }

    @Test
    void aPollInterruptedByTheAppStoppingKillsIpmitoolAndItsChildren() throws Exception {
        IpmitoolRunner runner = runnerWithSleepingChild(Duration.ofSeconds(60));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread poll = new Thread(() -> {
            try {
                runner.run(TARGET, List.of("sel", "info"));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        poll.start();
        long pid = sleepingChild();

        poll.interrupt(); // what the managed executor does to its tasks when the app stops
        poll.join(10_000);

        assertFalse(poll.isAlive());
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertTrue(awaitGone(pid), "child sleep " + pid + " still alive after the interrupt");
    }

    @Test
    void stopAllKillsTheRunsUnderWayAndRefusesNewOnes() throws Exception {
        IpmitoolRunner runner = runnerWithSleepingChild(Duration.ofSeconds(60));
        var poll = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.run(TARGET, List.of("sensor")));
        long pid = sleepingChild();

        runner.stopAll();

        IpmitoolResult killed = poll.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(killed.succeeded());
        assertFalse(killed.timedOut());
        assertTrue(awaitGone(pid), "child sleep " + pid + " still alive after stopAll");
        assertThrows(IllegalStateException.class, () -> runner.run(TARGET, List.of("sensor")));
    }

    private static boolean awaitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) { // at most ~5 s
            Optional<ProcessHandle> child = ProcessHandle.of(pid);
            if (child.isEmpty() || !child.get().isAlive()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** A frozen BMC in the middle of an exec batch: ipmitool would go on waiting for every remaining command. */
    @Test
    void aRunWhoseBmcStoppedAnsweringIsGivenUpLongBeforeItsTimeout() throws IOException {
        IpmitoolRunner runner = runnerFor("echo ' 06 05'\n"
                + "while true; do echo '" + UNANSWERED_RAW + "' >&2; sleep 0.2; done\n", Duration.ofSeconds(60));

        IpmitoolResult result = runner.exec(TARGET, List.of("raw 0x0a 0x43 0x00 0x00 0x01 0x00 0x00 0xff"));

        assertTrue(result.gaveUp());
        assertFalse(result.timedOut());
        assertFalse(result.succeeded());
        assertTrue(result.duration().toSeconds() < 30, "given up after " + result.duration());
        assertTrue(result.stderr().endsWith("ipmi-monitor: gave up after 3 commands in a row went unanswered\n"), result.stderr());
        assertEquals(" 06 05\n", result.stdout());
    }

    @Test
    void unansweredCommandsBetweenAnswersAreNoReasonToGiveUp() throws IOException {
        IpmitoolRunner runner = runnerFor("for i in 1 2 3 4 5 6; do echo '" + UNANSWERED_RAW + "' >&2; sleep 0.3;"
                + " echo ' 06 05'; sleep 0.3; done\nexit 1\n", Duration.ofSeconds(60));

        IpmitoolResult result = runner.exec(TARGET, List.of("raw 0x0a 0x43 0x00 0x00 0x01 0x00 0x00 0xff"));

        assertFalse(result.gaveUp());
        assertEquals(1, result.exitCode());
        assertEquals(6, result.stdout().lines().count());
    }

    @Test
    void stdoutAndStderrAreKeptApart() throws IOException {
        IpmitoolRunner runner = runnerFor("echo 'Chassis Power is on'\necho 'Get HPM.x Capabilities request failed' >&2\n"
                + "echo 'second out line'\nexit 3\n", Duration.ofSeconds(10));

        IpmitoolResult result = runner.run(TARGET, List.of("chassis", "power", "status"));

        assertEquals(3, result.exitCode());
        assertFalse(result.timedOut());
        assertFalse(result.succeeded());
        assertEquals("Chassis Power is on\nsecond out line\n", result.stdout());
        assertEquals("Get HPM.x Capabilities request failed\n", result.stderr());
    }

    @Test
    void execPassesThePrivateBatchFileAndDeletesItAfterwards() throws IOException {
        IpmitoolRunner runner = runnerFor(recordArgsScript()
                + "f=\"${@: -1}\"\n"
                + "stat -c %a \"$f\" > '" + record.resolve("mode") + "'\n"
                + "cp \"$f\" '" + record.resolve("batch-copy") + "'\n"
                + "echo done\n", Duration.ofSeconds(10));
        List<String> lines = List.of("sel info", "raw 0x0a 0x43 0x00 0x00 0x00 0x00 0x00 0xff", "sdr elist");

        IpmitoolResult result = runner.exec(TARGET, lines);

        assertEquals("done\n", result.stdout());
        List<String> args = recordedArgs();
        assertEquals("exec", args.get(args.size() - 2));
        Path batch = Path.of(args.get(args.size() - 1));
        assertEquals(workDir, batch.getParent());
        assertEquals(lines, Files.readAllLines(record.resolve("batch-copy"), StandardCharsets.US_ASCII));
        assertEquals("600", Files.readString(record.resolve("mode")).trim());
        assertFalse(Files.exists(batch), "batch file left behind: " + batch);
        try (Stream<Path> left = Files.list(workDir)) {
            assertEquals(List.of(), left.toList(), "work dir holds leftovers (batch/out/err files)");
        }
    }

    @Test
    void probeAddsVerboseFlagAndRunDoesNot() throws IOException {
        IpmitoolRunner runner = runnerFor(recordArgsScript(), Duration.ofSeconds(10));

        runner.probe(TARGET, List.of("mc info"));
        List<String> probeArgs = recordedArgs();
        runner.exec(TARGET, List.of("mc info"));
        List<String> execArgs = recordedArgs();
        runner.run(TARGET, List.of("mc", "info"));
        List<String> runArgs = recordedArgs();

        assertTrue(probeArgs.contains("-v"), probeArgs.toString());
        assertEquals("-v", probeArgs.get(probeArgs.size() - 3), "-v comes right before the exec command");
        assertFalse(execArgs.contains("-v"), execArgs.toString());
        assertFalse(runArgs.contains("-v"), runArgs.toString());
        assertEquals(List.of("mc", "info"), runArgs.subList(runArgs.size() - 2, runArgs.size()));
    }

    @Test
    void aProbeWithTheSdrDumpWritesItsLineBetweenTheOthersAndHandsBackTheBytesOfAPrivateFile() throws IOException {
        // the fake writes what `sdr dump FILE` of its batch names, as ipmitool does
        IpmitoolRunner runner = runnerFor(recordArgsScript()
                + "f=\"${@: -1}\"\n"
                + "cp \"$f\" '" + record.resolve("batch-copy") + "'\n"
                + "d=$(sed -n 's/^sdr dump //p' \"$f\")\n"
                + "stat -c %a \"$d\" > '" + record.resolve("mode") + "'\n"
                + "printf 'SDR' > \"$d\"\n", Duration.ofSeconds(10));

        IpmitoolRunner.SdrDump dump = runner.probeWithSdrDump(TARGET, List.of("sel info", "echo a b c"),
                List.of("set verbose 0", "sdr elist"));

        assertEquals("SDR", new String(dump.bytes(), StandardCharsets.US_ASCII));
        List<String> batch = Files.readAllLines(record.resolve("batch-copy"), StandardCharsets.US_ASCII);
        assertEquals(5, batch.size(), batch.toString());
        assertEquals(List.of("sel info", "echo a b c"), batch.subList(0, 2));
        assertTrue(batch.get(2).matches("sdr dump " + java.util.regex.Pattern.quote(workDir.toString()) + "/sdr\\d+\\.bin"),
                batch.get(2));
        assertEquals(List.of("set verbose 0", "sdr elist"), batch.subList(3, 5));
        assertEquals("600", Files.readString(record.resolve("mode")).trim());
        assertTrue(recordedArgs().contains("-v"), "a probe: -v");
        assertFalse(String.join(" ", recordedArgs()).contains(PASSWORD));
        try (Stream<Path> left = Files.list(workDir)) {
            assertEquals(List.of(), left.toList(), "work dir holds leftovers (dump, batch, out, err)");
        }
    }

    @Test
    void aWorkDirThatExecCannotNameGetsNoDumpLine() throws IOException {
        Path spaced = Files.createDirectories(workDir.resolve("with space"));
        Path fake = bin.resolve("ipmitool");
        Files.writeString(fake, "#!/bin/bash\n" + recordArgsScript() + "cp \"${@: -1}\" '" + record.resolve("batch-copy")
                + "'\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        IpmitoolRunner runner = new IpmitoolRunner(new IpmitoolSettings(fake.toString(), Duration.ofSeconds(10), 2, 1,
                home, spaced));

        IpmitoolRunner.SdrDump dump = runner.probeWithSdrDump(TARGET, List.of("sel info"), List.of("sdr elist"));

        // exec would split the path at its space: no dump, and the poller runs `sdr dump` on its own
        assertEquals(0, dump.bytes().length);
        assertEquals(List.of("sel info", "sdr elist"),
                Files.readAllLines(record.resolve("batch-copy"), StandardCharsets.US_ASCII));
    }
}
