package dev.apphost.run.proxy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxies of one run, one per proxied endpoint, keyed by resource and endpoint: the first start of
 * a resource opens them on the endpoints' host ports; every later start of the same resource (a
 * restart) finds the same proxy, so the host port never closes. {@link #close()} at the end of the run
 * closes them all. See {@code docs/lifecycle-proxy.md}.
 *
 * <pre>{@code
 * EndpointProxies proxies = new EndpointProxies();                  // once per run
 * TcpProxy proxy = proxies.open("api", "http", 5000);              // at each start of api
 * proxy.targets(List.of(41001, 41002));
 * ...
 * proxies.close();                                                  // when the app stops
 * }</pre>
 */
public final class EndpointProxies implements AutoCloseable {

    /** How long a connection accepted while no target answers waits before it is closed. */
    public static final Duration DEFAULT_CONNECT_WAIT = Duration.ofSeconds(10);

    private final Duration connectWait;
    private final Map<String, TcpProxy> proxies = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public EndpointProxies(Duration connectWait) {
        this.connectWait = connectWait;
    }

    public EndpointProxies() {
        this(DEFAULT_CONNECT_WAIT);
    }

    /**
     * The proxy of {@code resource}'s {@code endpoint}, listening on {@code hostPort}: the one opened
     * before in this run, else a new one.
     *
     * @throws IOException when the host port cannot be bound (another program holds it)
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized TcpProxy open(String resource, String endpoint, int hostPort) throws IOException {
        if (closed) {
            throw new IllegalStateException("The application is stopping.");
        }
        TcpProxy existing = proxies.get(key(resource, endpoint));
        if (existing != null) {
            return existing;
        }
        TcpProxy proxy = TcpProxy.open(resource + "/" + endpoint, hostPort, connectWait);
        proxies.put(key(resource, endpoint), proxy);
        return proxy;
    }

    /** The proxy of that endpoint, or {@code null} when it was never opened. */
    public TcpProxy find(String resource, String endpoint) {
        return proxies.get(key(resource, endpoint));
    }

    /** Every proxy opened so far. */
    public List<TcpProxy> all() {
        return List.copyOf(proxies.values());
    }

    @Override
    public synchronized void close() {
        closed = true;
        proxies.values().forEach(TcpProxy::close);
        proxies.clear();
    }

    private static String key(String resource, String endpoint) {
        return resource.toLowerCase(Locale.ROOT) + "/" + endpoint;
    }
}
