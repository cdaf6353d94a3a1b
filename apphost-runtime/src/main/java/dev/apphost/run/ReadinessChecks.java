package dev.apphost.run;

import dev.apphost.HealthCheckResult;
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
 * The built-in health checks, by readable names ({@code forHttp}, {@code forRedisPing},
 * {@code forPort}), and the translation of a model {@link HealthCheck} into a
 * {@link dev.apphost.HealthCheck}. Failures carry a short reason for the console and the snapshot:
 * {@code HTTP 404 from http://localhost:41234/health}, {@code connection refused}.
 *
 * <pre>{@code
 * HealthCheckResult r = ReadinessChecks.forHttp(URI.create("http://localhost:8080/health"), null).check();
 * }</pre>
 */
public final class ReadinessChecks {

    /**
     * Made on the first HTTP check: building a JDK HttpClient sets up TLS (seconds in a fresh JVM on a
     * busy machine), which a Redis or TCP check must not wait for.
     */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private ReadinessChecks() {
    }

    /** Healthy on HTTP {@code statusCode} ({@code null}: any 2xx or 3xx) to GET {@code url}. */
    public static dev.apphost.HealthCheck forHttp(URI url, Integer statusCode) {
        return () -> {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
            int status;
            try {
                status = Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return HealthCheckResult.unhealthy(reason(e, url.toString()));
            }
            boolean ok = statusCode != null ? status == statusCode : status >= 200 && status < 400;
            return ok ? HealthCheckResult.healthy() : HealthCheckResult.unhealthy("HTTP " + status + " from " + url);
        };
    }

    /** Healthy once a TCP connection to {@code host:port} succeeds. */
    public static dev.apphost.HealthCheck forPort(String host, int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return HealthCheckResult.healthy();
            } catch (IOException e) {
                return HealthCheckResult.unhealthy(reason(e, host + ":" + port));
            }
        };
    }

    /** Healthy when Redis answers {@code PONG} to {@code PING}, after {@code AUTH password} if one is given. */
    public static dev.apphost.HealthCheck forRedisPing(String host, int port, String password) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                socket.setSoTimeout(2000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                if (password != null) {
                    out.write(resp("AUTH", password));
                    String reply = readLine(in);
                    if (!reply.startsWith("+OK")) {
                        return HealthCheckResult.unhealthy("Redis AUTH failed: " + reply);
                    }
                }
                out.write(resp("PING"));
                String reply = readLine(in);
                if (!reply.startsWith("+PONG")) {
                    return HealthCheckResult.unhealthy("Redis PING answered " + (reply.isEmpty() ? "nothing" : reply));
                }
                return HealthCheckResult.healthy();
            } catch (IOException e) {
                return HealthCheckResult.unhealthy(reason(e, host + ":" + port));
            }
        };
    }

    /** A short reason for a failed connection: {@code connection refused}, {@code timed out}, or the message. */
    static String reason(IOException e, String target) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException || e instanceof java.net.SocketTimeoutException) {
            return "no answer from " + target + " within 2 s";
        }
        String message = e.getMessage();
        return (message == null || message.isBlank() ? e.getClass().getSimpleName() : message) + " (" + target + ")";
    }

    /**
     * The check for a model health check of {@code resource}.
     *
     * @param parameters the value of a parameter by name (the Redis password)
     * @throws IllegalArgumentException when the check names an endpoint the resource lacks
     */
    public static dev.apphost.HealthCheck forHealthCheck(String resource, HealthCheck check,
            List<AllocatedEndpoint> endpoints, Function<String, String> parameters) {
        if (check instanceof HealthCheck.Http http) {
            AllocatedEndpoint endpoint = endpoint(resource, endpoints, http.endpoint(), true);
            return forHttp(URI.create(endpoint.scheme() + "://" + probeHost(endpoint) + ":"
                    + endpoint.port(Network.HOST) + http.path()), http.statusCode());
        }
        if (check instanceof HealthCheck.RedisPing redis) {
            AllocatedEndpoint endpoint = endpoint(resource, endpoints, redis.endpoint(), false);
            String password = redis.passwordParameter() == null ? null : parameters.apply(redis.passwordParameter());
            return forRedisPing(probeHost(endpoint), endpoint.port(Network.HOST), password);
        }
        if (check instanceof HealthCheck.Custom custom) {
            return custom.check();
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
