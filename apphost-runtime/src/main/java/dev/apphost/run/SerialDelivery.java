package dev.apphost.run;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Hands items to one subscriber in order, on a shared pool, without ever blocking the sender: a
 * slow subscriber delays only itself. Used for the public snapshot and log subscriptions.
 */
final class SerialDelivery<T> implements dev.apphost.Subscription {

    static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "apphost-notify");
        t.setDaemon(true);
        return t;
    });

    private final Consumer<T> subscriber;
    private final Executor executor;
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final Runnable onClose;
    private boolean draining;
    private volatile boolean closed;

    SerialDelivery(Consumer<T> subscriber, Executor executor, Runnable onClose) {
        this.subscriber = subscriber;
        this.executor = executor;
        this.onClose = onClose;
    }

    void offer(T item) {
        if (closed) {
            return;
        }
        synchronized (queue) {
            queue.addLast(item);
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            T item;
            synchronized (queue) {
                item = queue.pollFirst();
                if (item == null || closed) {
                    queue.clear();
                    draining = false;
                    return;
                }
            }
            try {
                subscriber.accept(item);
            } catch (RuntimeException e) {
                System.err.println("apphost: a subscriber failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
