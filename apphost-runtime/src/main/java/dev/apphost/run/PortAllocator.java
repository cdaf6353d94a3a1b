package dev.apphost.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports on the loopback interface, each handed out once per run. Allocation binds
 * {@code ServerSocket(0)} on 127.0.0.1 and closes it again, so another program may grab the port
 * before the resource binds it (the same check-then-use race Aspire has, microsoft/aspire#4037).
 */
public class PortAllocator {

    private final Set<Integer> taken = new HashSet<>();

    /** Marks {@code port} as used (a fixed port of the model), so it is never allocated. */
    public synchronized void reserve(int port) {
        taken.add(port);
    }

    /** A free loopback port not handed out before. */
    public synchronized int allocate() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot allocate a free port on 127.0.0.1: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("Cannot allocate a free port on 127.0.0.1: the system kept returning ports "
                + "already handed out.");
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
