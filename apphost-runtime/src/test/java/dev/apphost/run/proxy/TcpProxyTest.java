package dev.apphost.run.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy on loopback, against tiny servers that answer "<id>:<what they read>". */
class TcpProxyTest {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void spreadsConnectionsRoundRobin() throws Exception {
        TagServer a = server("a", 0);
        TagServer b = server("b", 0);
        TcpProxy proxy = proxy(Duration.ofSeconds(2));
        proxy.targets(List.of(a.port(), b.port()));
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(ask(proxy.port(), "ping" + i));
        }
        assertEquals(List.of("a:ping0", "b:ping1", "a:ping2", "b:ping3"), answers);
        assertEquals(4, proxy.forwardedConnections());
    }

    @Test
    void skipsATargetThatIsDown() throws Exception {
        TagServer a = server("a", 0);
        int down = freePort();
        TcpProxy proxy = proxy(Duration.ofSeconds(2));
        proxy.targets(List.of(down, a.port()));
        assertEquals("a:x", ask(proxy.port(), "x"));
        assertEquals("a:y", ask(proxy.port(), "y"));
    }

    @Test
    void holdsAConnectionUntilTheTargetIsBack() throws Exception {
        int port = freePort();
        TcpProxy proxy = proxy(Duration.ofSeconds(10));
        proxy.targets(List.of(port)); // nothing listens yet: the target is "restarting"
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("held\n".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(300); // the connection waits in the proxy meanwhile
            server("back", port);
            assertEquals("back:held", readLine(client.getInputStream()));
        }
    }

    @Test
    void holdsWhileThereAreNoTargetsAtAll() throws Exception {
        TagServer a = server("a", 0);
        TcpProxy proxy = proxy(Duration.ofSeconds(10));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("q\n".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(200);
            proxy.targets(List.of(a.port()));
            assertEquals("a:q", readLine(client.getInputStream()));
        }
    }

    @Test
    void closesAHeldConnectionAfterTheBoundedWait() throws Exception {
        TcpProxy proxy = proxy(Duration.ofMillis(300));
        proxy.targets(List.of(freePort()));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            client.setSoTimeout(5_000);
            long start = System.nanoTime();
            assertEquals(-1, client.getInputStream().read(), "closed without data");
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 250, "held for the wait first, only " + waited + " ms");
        }
        assertEquals(0, proxy.forwardedConnections());
    }

    @Test
    void closeReleasesThePortAndCutsConnections() throws Exception {
        TagServer a = server("a", 0);
        TcpProxy proxy = proxy(Duration.ofSeconds(2));
        proxy.targets(List.of(a.port()));
        int port = proxy.port();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(5_000);
            client.getOutputStream().write("1\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("a:1", readLine(client.getInputStream()));
            proxy.close();
            assertEquals(-1, client.getInputStream().read(), "the proxied connection is cut");
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(port)); // free again
        }
    }

    @Test
    void registryKeepsOneProxyPerEndpointForTheRun() throws Exception {
        EndpointProxies proxies = new EndpointProxies(Duration.ofSeconds(1));
        closing.add(proxies);
        int port = freePort();
        TcpProxy first = proxies.open("api", "http", port);
        assertSame(first, proxies.open("API", "http", port), "a restart finds the same proxy");
        assertNotEquals(first, proxies.open("api", "admin", 0));
        proxies.close();
        assertThrows(IllegalStateException.class, () -> proxies.open("api", "http", port));
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(port));
        }
    }

    private TcpProxy proxy(Duration wait) throws IOException {
        TcpProxy proxy = TcpProxy.open("test", 0, wait);
        closing.add(proxy);
        return proxy;
    }

    private TagServer server(String tag, int port) throws IOException {
        TagServer server = new TagServer(tag, port);
        closing.add(server);
        return server;
    }

    static String ask(int port, String line) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            return readLine(s.getInputStream());
        }
    }

    static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            sb.append((char) c);
        }
        return sb.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Answers one line per connection: {@code <tag>:<the line it read>}. */
    static final class TagServer implements AutoCloseable {
        private final ServerSocket socket;

        TagServer(String tag, int port) throws IOException {
            socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        String line = readLine(s.getInputStream());
                        OutputStream out = s.getOutputStream();
                        out.write((tag + ":" + line + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "tag-server-" + tag);
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
