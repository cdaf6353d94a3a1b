package dev.apphost.testing.bench;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * One JVM, interleaved: N containers of {@code local/httpd:1} to HTTP-ready through
 * {@link DistributedApplication#start()} (plus waiting for the HTTP health check) and through
 * Testcontainers' {@code GenericContainer.start()} with {@code Wait.forHttp("/")}
 * ({@code Startables.deepStart} for more than one), after one untimed warm-up of each. Prints the
 * medians and their ratio (apphost / Testcontainers), and the median time of {@code close()} /
 * {@code stop()}. Run via bench/testing.sh.
 */
public final class TestcontainersComparisonBench {

    private static final String IMAGE = "local/httpd:1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        List<Long> oursClose = new ArrayList<>();
        List<Long> theirsClose = new ArrayList<>();
        apphost(containers, new ArrayList<>());
        testcontainers(containers, new ArrayList<>());
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                ours.add(apphost(containers, oursClose));
                theirs.add(testcontainers(containers, theirsClose));
            } else {
                theirs.add(testcontainers(containers, theirsClose));
                ours.add(apphost(containers, oursClose));
            }
        }
        System.out.printf("%d container(s) to HTTP-ready, %d rounds (medians)%n", containers, rounds);
        System.out.printf("  apphost DistributedApplication.start():  %7.1f ms  (close %6.1f ms)  all %s%n",
                median(ours) / 1e6, median(oursClose) / 1e6, millis(ours));
        System.out.printf("  Testcontainers start():                  %7.1f ms  (stop  %6.1f ms)  all %s%n",
                median(theirs) / 1e6, median(theirsClose) / 1e6, millis(theirs));
        System.out.printf("  ratio apphost / Testcontainers: %.2f%n", (double) median(ours) / median(theirs));
    }

    private static long apphost(int containers, List<Long> closeTimes) {
        long start = System.nanoTime();
        DistributedApplicationBuilder builder = DistributedApplication.createBuilder("--Dashboard:Enabled=false");
        for (int i = 0; i < containers; i++) {
            builder.addContainer("web" + i, IMAGE).withHttpEndpoint(null, 80, "http").withHttpHealthCheck("/");
        }
        DistributedApplication app = builder.build();
        app.start();
        for (int i = 0; i < containers; i++) {
            app.resourceNotifications().waitForResourceHealthy("web" + i, Duration.ofSeconds(60));
        }
        long elapsed = System.nanoTime() - start;
        check(app.getEndpoint("web0", "http"));
        timed(closeTimes, () -> {
            app.close();
            return 0;
        });
        return elapsed;
    }

    private static long testcontainers(int containers, List<Long> closeTimes) {
        long start = System.nanoTime();
        List<GenericContainer<?>> started = new ArrayList<>();
        for (int i = 0; i < containers; i++) {
            started.add(new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(80)
                    .waitingFor(Wait.forHttp("/").forStatusCode(200)));
        }
        if (containers == 1) {
            started.get(0).start();
        } else {
            Startables.deepStart(started).join();
        }
        long elapsed = System.nanoTime() - start;
        GenericContainer<?> first = started.get(0);
        check(URI.create("http://" + first.getHost() + ":" + first.getMappedPort(80)));
        timed(closeTimes, () -> {
            started.parallelStream().forEach(GenericContainer::stop);
            return 0;
        });
        return elapsed;
    }

    private static void check(URI base) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + " from " + base);
            }
        } catch (Exception e) {
            throw new IllegalStateException("no answer from " + base + ": " + e, e);
        }
    }

    private static void timed(List<Long> into, LongSupplier action) {
        long start = System.nanoTime();
        action.getAsLong();
        into.add(System.nanoTime() - start);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String millis(List<Long> values) {
        return values.stream().map(v -> String.valueOf(v / 1_000_000)).toList().toString();
    }
}
