package dev.apphost.run;

import dev.apphost.model.HealthCheck;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The readiness checks, by readable names ({@code forHttp}, {@code forRedisPing}, {@code forPort}),
 * and the translation of a model {@link HealthCheck} into one.
 *
 * <pre>{@code
 * ReadinessCheck check = ReadinessChecks.forHttp(URI.create("http://localhost:8080/health"));
 * boolean healthy = check.probe();
 * }</pre>
 */
public final class ReadinessChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private ReadinessChecks() {
    }

    /** Healthy on an HTTP 2xx or 3xx answer to GET {@code url}. */
    public static ReadinessCheck forHttp(URI url) {
        return new ReadinessCheck() {
            @Override
            public boolean probe() throws Exception {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
                int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 400) {
                    return true;
                }
                throw new IOException("HTTP " + status + " from " + url);
            }

            @Override
            public String description() {
                return "HTTP GET " + url;
            }
        };
    }

    /** Healthy once a TCP connection to {@code host:port} succeeds. */
    public static ReadinessCheck forPort(String host, int port) {
        return new ReadinessCheck() {
            @Override
            public boolean probe() throws IOException {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host, port), 1000);
                    return true;
                }
            }

            @Override
            public String description() {
                return "TCP connect " + host + ":" + port;
            }
        };
    }

    /** Healthy when Redis answers {@code PONG} to {@code PING}, after {@code AUTH password} if one is given. */
    public static ReadinessCheck forRedisPing(String host, int port, String password) {
        return new ReadinessCheck() {
            @Override
            public boolean probe() throws IOException {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host, port), 1000);
                    socket.setSoTimeout(2000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    if (password != null) {
                        out.write(resp("AUTH", password));
                        String reply = readLine(in);
                        if (!reply.startsWith("+OK")) {
                            throw new IOException("Redis AUTH failed: " + reply);
                        }
                    }
                    out.write(resp("PING"));
                    String reply = readLine(in);
                    if (!reply.startsWith("+PONG")) {
                        throw new IOException("Redis PING answered " + reply);
                    }
                    return true;
                }
            }

            @Override
            public String description() {
                return "Redis PING " + host + ":" + port;
            }
        };
    }

    /**
     * The check for a model health check of {@code resource}, or {@code null} when it has none.
     *
     * @param parameters the value of a parameter by name (the Redis password)
     */
    public static ReadinessCheck forHealthCheck(String resource, HealthCheck check, List<AllocatedEndpoint> endpoints,
            Function<String, String> parameters) {
        if (check == null) {
            return null;
        }
        if (check instanceof HealthCheck.Http http) {
            AllocatedEndpoint endpoint = endpoint(resource, endpoints, http.endpoint(), true);
            return forHttp(URI.create(endpoint.scheme() + "://" + probeHost(endpoint) + ":"
                    + endpoint.port(Network.HOST) + http.path()));
        }
        if (check instanceof HealthCheck.RedisPing redis) {
            AllocatedEndpoint endpoint = endpoint(resource, endpoints, redis.endpoint(), false);
            String password = redis.passwordParameter() == null ? null : parameters.apply(redis.passwordParameter());
            return forRedisPing(probeHost(endpoint), endpoint.port(Network.HOST), password);
        }
        throw new IllegalArgumentException("Unknown health check " + check);
    }

    /** A container publishes on 127.0.0.1 only: probe there, not on whatever {@code localhost} resolves to first. */
    private static String probeHost(AllocatedEndpoint endpoint) {
        return endpoint.inContainer() ? "127.0.0.1" : endpoint.host(Network.HOST);
    }

    private static AllocatedEndpoint endpoint(String resource, List<AllocatedEndpoint> endpoints, String name,
            boolean http) {
        return endpoints.stream()
                .filter(e -> name != null ? e.endpoint().equals(name)
                        : !http || e.scheme().equals("http") || e.scheme().equals("https"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The health check of resource '" + resource
                        + "' needs " + (name != null ? "an endpoint named '" + name + "'" : "an http endpoint")
                        + "; it has " + endpoints.stream().map(AllocatedEndpoint::endpoint).toList() + "."));
    }

    private static byte[] resp(String... parts) {
        StringBuilder sb = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
