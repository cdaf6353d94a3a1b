package dev.apphost.run.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in the AppHost: it listens on one host port and forwards each connection to one of
 * its targets (loopback ports), round-robin. The listening port stays open whatever the targets do:
 * a connection accepted while no target answers (the resource is restarting) is held until one
 * answers, for at most the connect wait, and closed after that.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.open("api/http", 5000, Duration.ofSeconds(10))) {
 *     proxy.targets(List.of(41001, 41002));   // two replicas
 *     ...
 *     proxy.targets(List.of());               // stopped: new connections wait
 * }
 * }</pre>
 *
 * Connections use blocking {@link SocketChannel}s, two daemon threads each (one per direction):
 * plenty for the connection counts of local development.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;
    private static final long RETRY_MILLIS = 25;

    private final String name;
    private final ServerSocketChannel server;
    private final Duration connectWait;
    private final ExecutorService threads;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong forwarded = new AtomicLong();
    private final Object targetsChanged = new Object();
    private volatile List<InetSocketAddress> targets = List.of();
    private volatile boolean closed;
    private final Thread acceptor;

    private TcpProxy(String name, ServerSocketChannel server, Duration connectWait) {
        this.name = name;
        this.server = server;
        this.connectWait = connectWait;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "apphost-proxy-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "apphost-proxy-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Listens on {@code port} (0 = any free port) on every interface, so containers reach it through
     * {@code host.docker.internal} as they reach a host process.
     *
     * @param name for thread names and messages, e.g. {@code api/http}
     * @param connectWait how long an accepted connection waits for a target to answer
     * @throws IOException when the port cannot be bound
     */
    public static TcpProxy open(String name, int port, Duration connectWait) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(port), 128);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return new TcpProxy(name, server, connectWait);
    }

    /** The port it listens on. */
    public int port() {
        return server.socket().getLocalPort();
    }

    /** Replaces the loopback ports connections go to; empty = hold new connections until targets return. */
    public void targets(List<Integer> ports) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        targets = ports.stream().map(p -> new InetSocketAddress(loopback, p)).toList();
        synchronized (targetsChanged) {
            targetsChanged.notifyAll();
        }
    }

    /** The ports connections go to now. */
    public List<Integer> targets() {
        return targets.stream().map(InetSocketAddress::getPort).toList();
    }

    /** How many connections were forwarded to a target so far. */
    public long forwardedConnections() {
        return forwarded.get();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("apphost: the proxy of " + name + " stopped accepting: " + e.getMessage());
                }
                return;
            }
            open.add(client);
            try {
                threads.execute(() -> serve(client));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                closeQuietly(client);
            }
        }
    }

    private void serve(SocketChannel client) {
        SocketChannel upstream = connect(System.nanoTime() + connectWait.toNanos());
        if (upstream == null) {
            closeQuietly(client);
            return;
        }
        open.add(upstream);
        forwarded.incrementAndGet();
        AtomicInteger directionsLeft = new AtomicInteger(2);
        try {
            threads.execute(() -> pump(upstream, client, directionsLeft));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        pump(client, upstream, directionsLeft);
    }

    /** A connection to the next target that answers, waiting for one until {@code deadline}; {@code null} when none did. */
    private SocketChannel connect(long deadline) {
        while (!closed) {
            List<InetSocketAddress> current = targets;
            for (int i = 0; i < current.size() && !closed; i++) {
                InetSocketAddress target = current.get(Math.floorMod(next.getAndIncrement(), current.size()));
                SocketChannel channel = null;
                try {
                    channel = SocketChannel.open();
                    channel.socket().connect(target, (int) Math.max(1, Math.min(1000, millisUntil(deadline))));
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    return channel;
                } catch (IOException e) {
                    closeQuietly(channel);
                }
            }
            long left = millisUntil(deadline);
            if (left <= 0) {
                return null;
            }
            synchronized (targetsChanged) {
                try {
                    targetsChanged.wait(Math.min(left, RETRY_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    /** Copies {@code from} to {@code to} until the end; half-closes {@code to}; the last direction closes both. */
    private void pump(SocketChannel from, SocketChannel to, AtomicInteger directionsLeft) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        boolean clean = false;
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
            clean = true;
        } catch (IOException e) {
            // reset by either side: the connection is over
        }
        if (!clean || directionsLeft.decrementAndGet() == 0) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static long millisUntil(long deadlineNanos) {
        return (deadlineNanos - System.nanoTime()) / 1_000_000;
    }

    private void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops listening and cuts every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        synchronized (targetsChanged) {
            targetsChanged.notifyAll();
        }
        open.forEach(this::closeQuietly);
        threads.shutdownNow();
        try {
            acceptor.join(1000); // the port is released only once the blocked accept has returned
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TcpProxy[" + name + " :" + port() + " -> " + targets() + "]";
    }
}
