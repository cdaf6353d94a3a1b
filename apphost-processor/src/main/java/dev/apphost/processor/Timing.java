package dev.apphost.processor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Where the processor's time goes, for {@code bench/processor.sh}: with
 * {@code javac -J-Dapphost.processor.timing=true}, each {@link #mark} prints the wall and CPU time
 * of the processor's thread since the previous mark to standard error. Off by default, then free.
 */
final class Timing {

    private static final boolean ON = Boolean.getBoolean("apphost.processor.timing");

    private final ThreadMXBean threads = ON ? ManagementFactory.getThreadMXBean() : null;
    private long wall = ON ? System.nanoTime() : 0;
    private long cpu = ON ? threads.getCurrentThreadCpuTime() : 0;

    void mark(String step) {
        if (!ON) {
            return;
        }
        long nowWall = System.nanoTime();
        long nowCpu = threads.getCurrentThreadCpuTime();
        System.err.printf(Locale.ROOT, "apphost.processor.timing %-10s wall %6.1f ms cpu %6.1f ms%n",
                step, (nowWall - wall) / 1e6, (nowCpu - cpu) / 1e6);
        wall = nowWall;
        cpu = nowCpu;
    }
}
