package com.ipmimonitor.collection.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * One file per BMC holding its SDR as {@code ipmitool sdr dump} writes it, which {@code ipmitool -S} reads instead
 * of the BMC's SDR: a poll then reads sensors in its probe's session without re-reading the SDR. ipmitool never
 * checks the file against the BMC, so the poll compares the SDR signature of the same session and rebuilds the file
 * when it changed. Owner-only (0600): the SDR tells what hardware a host has.
 */
public class SdrCache {

    private final Path dir;

    public SdrCache(Path dir) {
        this.dir = dir;
    }

    public Optional<Path> find(BmcTarget target) {
        Path file = fileOf(target);
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 ? Optional.of(file) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Replaces the BMC's file at once (a poll reading it meanwhile sees the old or the new one, never half). */
    public Path store(BmcTarget target, byte[] dump) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "sdr", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, dump);
            return Files.move(tmp, fileOf(target), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SDR cache in " + dir, e);
        }
    }

    public void forget(BmcTarget target) {
        try {
            Files.deleteIfExists(fileOf(target));
        } catch (IOException ignored) {
            // a stale file is rebuilt at the next SDR change or daily refresh
        }
    }

    public byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    Path fileOf(BmcTarget target) {
        // host names and addresses (IPv6 included) made file-name safe; the port tells apart BMCs behind one address
        return dir.resolve(target.host().replaceAll("[^A-Za-z0-9.-]", "_") + "_" + target.port() + ".sdr");
    }
}
