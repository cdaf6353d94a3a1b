package dev.apphost.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Free TCP ports on the loopback interface, each handed out once per run. An allocated port stays
 * bound (a socket on 127.0.0.1 that the kernel will not give to anyone else, on any address) until
 * {@link #release} just before its resource starts, so the check-then-use race Aspire has
 * (microsoft/aspire#4037) shrinks from the whole start-up to the moment between release and bind.
 */
public class PortAllocator {

    private final Set<Integer> taken = new HashSet<>();
    private final Map<Integer, ServerSocket> held = new HashMap<>();

    /** Marks {@code port} as used (a fixed port of the model), so it is never allocated. */
    public synchronized void reserve(int port) {
        taken.add(port);
    }

    /**
     * A free loopback port not handed out before. It is taken below the system's ephemeral range when
     * there is room ({@link EphemeralPorts}): ports in that range are also what every outgoing connection
     * on the machine gets as its local port, and one that did between {@link #release} and the
     * resource's bind would make the bind fail with "address already in use".
     */
    public synchronized int allocate() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                ServerSocket socket = new ServerSocket();
                int candidate = attempt < 40 ? EphemeralPorts.candidateBelow() : 0;
                try {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate), 1);
                } catch (java.net.BindException inUse) {
                    socket.close();
                    continue;
                }
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    held.put(port, socket);
                    return port;
                }
                socket.close();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot allocate a free port on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("Cannot allocate a free port on 127.0.0.1: the system kept returning ports "
                + "already handed out.");
    }

    /** Whether {@code port} was allocated here and is still held (bound) by this allocator. */
    public synchronized boolean holds(int port) {
        return held.containsKey(port);
    }

    /** Lets go of allocated {@code port} so that its resource can bind it: call right before that resource starts. */
    public synchronized void release(int port) {
        ServerSocket socket = held.remove(port);
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed is closed
            }
        }
    }

    /** Releases every port still held (resources that never started). */
    public synchronized void releaseAll() {
        for (Integer port : List.copyOf(held.keySet())) {
            release(port);
        }
    }

    /** Whether nothing listens on {@code port}: tries to bind it on all interfaces. */
    public boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
