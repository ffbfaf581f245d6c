package com.ipmimonitor.collection.control;

import com.ipmimonitor.ipmi.IpmitoolParseException;
import com.ipmimonitor.ipmi.SdrDumpParser;
import com.ipmimonitor.ipmi.SdrSensor;
import com.ipmimonitor.ipmi.SensorConversion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One file per BMC holding its SDR as {@code ipmitool sdr dump} writes it, which {@code ipmitool -S} reads instead
 * of the BMC's SDR: a poll then reads sensors in its probe's session without re-reading the SDR. ipmitool never
 * checks the file against the BMC, so the poll compares the SDR signature of the same session and rebuilds the file
 * when it changed. Owner-only (0600): the SDR tells what hardware a host has. What a poll needs of a file
 * (conversions, sensors) is parsed once and kept while the file stays the same (same inode, size and mtime): a
 * steady-state poll reads it every minute and it changes only with the BMC's SDR.
 */
public class SdrCache {

    private final Path dir;
    private final Function<byte[], Parsed> parser;
    private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();

    public SdrCache(Path dir) {
        this(dir, Parsed::of);
    }

    /** parser: tests count how often a file is parsed. */
    SdrCache(Path dir, Function<byte[], Parsed> parser) {
        this.dir = dir;
        this.parser = parser;
    }

    /**
     * A cache file as a poll uses it; types: sensor number to sensor type (SdrDumpParser.sensorTypes); version tells
     * one content of the file from the next.
     */
    public record Parsed(List<SensorConversion> conversions, List<SdrSensor> sensors, Map<Integer, Integer> types,
                         Object version) {

        static Parsed of(byte[] dump) {
            try {
                return new Parsed(SdrDumpParser.conversions(dump), SdrDumpParser.sensors(dump),
                        SdrDumpParser.sensorTypes(dump), "");
            } catch (IpmitoolParseException e) {
                return new Parsed(List.of(), List.of(), Map.of(), "");
            }
        }

        Parsed at(Object version) {
            return new Parsed(conversions, sensors, types, version);
        }
    }

    /** The file's records, parsed at most once per content of the file. */
    public Parsed parsed(Path file) {
        Optional<Object> version = versionOf(file);
        Parsed known = parsed.get(file);
        if (version.isPresent() && known != null && known.version().equals(version.get())) {
            return known;
        }
        Parsed fresh = parser.apply(read(file)).at(version.orElse(""));
        if (version.isPresent()) {
            parsed.put(file, fresh);
        }
        return fresh;
    }

    /** Inode, size and modification time: ATOMIC_MOVE of store gives every new content a new inode. */
    private static Optional<Object> versionOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.fileKey() == null ? Optional.empty()
                    : Optional.of(List.of(a.fileKey(), a.size(), a.lastModifiedTime()));
        } catch (IOException e) {
            return Optional.empty();
        }
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
            parsed.remove(fileOf(target));
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
