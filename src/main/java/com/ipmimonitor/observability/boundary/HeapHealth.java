package com.ipmimonitor.observability.boundary;

import com.ipmimonitor.observability.control.HeapPressure;
import com.sun.management.GarbageCollectionNotificationInfo;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import jakarta.inject.Inject;

/**
 * Alive while garbage collection can free the heap (HeapPressure, fed by the JVM's GC notifications): an app whose
 * heap stays full answers 500 everywhere while its database check passes, so its supervisor must be told to
 * restart it. The JVM itself stops at the first OutOfMemoryError (-XX:+ExitOnOutOfMemoryError in every start path).
 */
@Liveness
@ApplicationScoped
public class HeapHealth implements HealthCheck {

    @Inject
    @ConfigProperty(name = "health.heap.full.percent", defaultValue = "95")
    int fullPercent;

    @Inject
    @ConfigProperty(name = "health.heap.full.collections", defaultValue = "3")
    int fullCollections;

    private HeapPressure pressure;
    private final List<NotificationEmitter> watched = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private Set<String> heapPools;

    void watch(@Observes @Initialized(ApplicationScoped.class) Object started) {
        pressure = new HeapPressure(fullPercent / 100.0, fullCollections);
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                watched.add(emitter);
            }
        }
    }

    @PreDestroy
    void stop() {
        for (NotificationEmitter emitter : watched) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // never added
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey())).map(java.util.Map.Entry::getValue)
                .mapToLong(MemoryUsage::getUsed).sum();
        pressure.collected(used, Runtime.getRuntime().maxMemory());
    }

    @Override
    public HealthCheckResponse call() {
        boolean exhausted = pressure != null && pressure.exhausted();
        var response = HealthCheckResponse.named("heap").status(!exhausted)
                .withData("usedAfterLastGcPercent", pressure == null ? 0 : pressure.percentUsed());
        if (exhausted) {
            response.withData("error", "heap still " + pressure.percentUsed() + "% full after "
                    + pressure.fullCollectionsInARow() + " collections in a row: out of memory");
        }
        return response.build();
    }
}
