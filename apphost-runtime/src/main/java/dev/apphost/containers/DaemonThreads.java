package dev.apphost.containers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A shared pool of daemon threads for work that must never keep the JVM alive (probes of hung engines). */
final class DaemonThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();

    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "apphost-engine-probe-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private DaemonThreads() {
    }
}
