package org.kaoping.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a phase's CPU went, by kind of thread: the JIT compilers, the garbage collector (its threads and the VM
 * thread, which runs its pauses), and everything else (kaoping's own threads with the JVM's small helpers). Read from
 * Linux's per-thread accounting (/proc/self/task, in clock ticks of 10 ms), because the JVM's own counters give
 * compile and collection times as elapsed time, which on two busy cores says little. On other systems it reports
 * nothing.
 */
record CpuWatch(Map<String, Long> ticks) {
    private static final double TICKS_PER_SECOND = 100;

    static CpuWatch now() {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // fields[11] and [12] are utime and stime (the stat line's 14th and 15th fields)
                    ticks.merge(kind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while being read: its ticks are lost to this phase, a rounding error
                }
            });
            // The process's own line counts threads that have ended too (a floor's pool, a step's readers).
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put("total", Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException e) {
            return new CpuWatch(Map.of());
        }
        return new CpuWatch(ticks);
    }

    /** The share of the process's CPU since {@code start} that the JIT compilers used; 0 where not known. */
    double jitShare(CpuWatch start) {
        long total = used(start, "total");
        return total == 0 ? 0 : (double) used(start, "JIT") / total;
    }

    private long used(CpuWatch start, String kind) {
        return ticks.getOrDefault(kind, 0L) - start.ticks.getOrDefault(kind, 0L);
    }

    private static String kind(String thread) {
        if (thread.startsWith("C2 Compiler") || thread.startsWith("C1 Compiler")) {
            return "JIT";
        }
        if (thread.startsWith("G1") || thread.startsWith("GC Thread") || thread.startsWith("VM Thread")) {
            return "GC";
        }
        return "other";
    }

    String since(CpuWatch start) {
        if (ticks.isEmpty()) {
            return "(no per-thread CPU accounting on this system)";
        }
        long total = used(start, "total");
        long jit = used(start, "JIT");
        long gc = used(start, "GC");
        return String.format("CPU %.2f s: JIT compilers %.2f s, collector %.2f s, the rest %.2f s",
                total / TICKS_PER_SECOND, jit / TICKS_PER_SECOND, gc / TICKS_PER_SECOND,
                (total - jit - gc) / TICKS_PER_SECOND);
    }
}
