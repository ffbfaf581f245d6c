package com.ipmimonitor.it;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A host resource (a fixed port two IT classes share) held for a whole test class. The ITs run in two failsafe
 * forks at once, so two classes that use the same fixed port must not overlap; a file lock works across the forks'
 * JVMs, where JUnit's own resource locks only work inside one.
 */
public final class HostLock implements BeforeAllCallback, AfterAllCallback {

    /** The class holds the named host resource while it runs. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(HostLock.class)
    public @interface Holds {
        String value();
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HostLock.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String name = context.getRequiredTestClass().getAnnotation(Holds.class).value();
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-" + name + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        // waits for the other fork's class to finish; each class is bounded by its own timeouts
        context.getStore(NAMESPACE).put("lock", channel.lock());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        FileLock lock = context.getStore(NAMESPACE).remove("lock", FileLock.class);
        if (lock != null) {
            lock.release();
            lock.channel().close();
        }
    }
}
