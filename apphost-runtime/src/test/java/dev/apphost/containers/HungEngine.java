package dev.apphost.containers;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A "container engine" that accepts connections on a unix socket and never answers: what a hung
 * daemon looks like to a client (docker-java would block on it forever).
 *
 * <pre>{@code
 * try (HungEngine hung = HungEngine.listen(dir.resolve("hung.sock"))) {
 *     new ContainerEngineLocator(Map.of("DOCKER_HOST", hung.dockerHost())).connect(); // throws after the deadline
 * }
 * }</pre>
 */
public final class HungEngine implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();

    private HungEngine(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(server.accept()); // accept, never answer
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "hung-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static HungEngine listen(Path socket) throws IOException {
        return new HungEngine(socket);
    }

    /** The {@code DOCKER_HOST} value that points at it. */
    public String dockerHost() {
        return "unix://" + socket;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel channel : accepted) {
            channel.close();
        }
    }
}
