package org.kaoping.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap per phase as "used after a collection": the heap a phase could not give back, which is what has to
 * fit under -Xmx (used-before-GC mostly measures how lazy the collector was). Every collection reports, so a
 * peak between two phase boundaries is seen even if it is short-lived.
 */
final class HeapWatch {
    private final AtomicLong peak = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).map(java.util.Map.Entry::getValue)
                            .mapToLong(MemoryUsage::getUsed).sum();
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    /** Starts a phase: a full collection first, so the phase starts from its predecessor's live set only. */
    void reset() {
        System.gc();
        sleep();
        peak.set(0);
    }

    /**
     * The phase's peak. A closing full collection counts too, so a phase short enough to need no collection
     * still reports what it left behind; notifications arrive on their own thread, hence the pause.
     */
    long peak() {
        System.gc();
        sleep();
        return peak.get();
    }

    static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
