package dev.apphost.otlp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK's {@link HttpServer} with Nagle's algorithm off, for the OTLP receiver and the dashboard.
 * The JDK server writes a response's headers and its body separately; with Nagle on, the body waits
 * for the client's (delayed) acknowledgement of the headers, about 40 ms on Linux, on every request
 * of a client that does not acknowledge at once, such as the JDK's HttpClient or an OTLP exporter.
 * The switch is the JDK's {@code sun.net.httpserver.nodelay}, read once per JVM when the first server
 * is made: it is set here unless the JVM was given a value.
 *
 * <pre>{@code
 * HttpServer server = HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
 * }</pre>
 */
public final class HttpServers {

    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private HttpServers() {
    }

    /** {@link HttpServer#create(InetSocketAddress, int)}, with TCP_NODELAY on its connections. */
    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        return HttpServer.create(address, backlog);
    }
}
