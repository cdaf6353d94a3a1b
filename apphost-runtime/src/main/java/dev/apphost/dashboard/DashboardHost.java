package dev.apphost.dashboard;

import dev.apphost.Configuration;
import dev.apphost.DistributedApplicationException;
import dev.apphost.model.AppModel;
import dev.apphost.otlp.ContainerListenAddress;
import dev.apphost.otlp.OtelEnvironment;
import dev.apphost.otlp.OtlpReceiver;
import dev.apphost.otlp.TelemetryLimits;
import dev.apphost.otlp.TelemetryStore;
import dev.apphost.run.Orchestrator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The dashboard of one run: the OTLP receiver and its store, the OpenTelemetry environment handed to
 * the orchestrator, and the web server. {@code DistributedApplication.run()} starts it unless
 * {@code Dashboard:Enabled=false}; {@code start()} (tests) only when {@code Dashboard:Enabled=true}.
 *
 * <pre>{@code
 * DashboardHost host = DashboardHost.start(model, configuration, orchestrator, System.out);
 * orchestrator.start();
 * ...
 * host.close();
 * }</pre>
 */
public final class DashboardHost implements AutoCloseable {

    public static final String ENABLED_KEY = "Dashboard:Enabled";
    public static final String UNSECURED_KEY = "Dashboard:Unsecured";
    /** A fixed port for the pages; {@code 0} or unset: any free port. */
    public static final String PORT_KEY = "Dashboard:Port";
    /** A fixed port for OTLP/HTTP; {@code 0} or unset: any free port. */
    public static final String OTLP_PORT_KEY = "Dashboard:OtlpPort";
    /** What the console prints before the login URL (Aspire's words). */
    public static final String LOGIN_PREFIX = "Login to the dashboard at ";

    /** Binds of the OTLP port tried, 100 ms apart, before the dashboard gives up. */
    private static final int BIND_ATTEMPTS = 20;

    private final TelemetryStore store;
    private final OtelEnvironment otel;
    private volatile java.util.concurrent.CompletableFuture<Void> started;
    private volatile OtlpReceiver receiver;
    private volatile DashboardServer server;

    private DashboardHost(TelemetryStore store, OtelEnvironment otel) {
        this.store = store;
        this.otel = otel;
    }

    /** Whether {@code Dashboard:Enabled} asks for a dashboard, {@code byDefault} when it is not set. */
    public static boolean enabled(Configuration configuration, boolean byDefault) {
        return flag(configuration, ENABLED_KEY, byDefault);
    }

    /**
     * Starts the receiver and the pages, gives {@code orchestrator} the OpenTelemetry environment (and
     * the Java agent named by the {@value OtelEnvironment#AGENT_JAR_PROPERTY} system property unless
     * {@value OtelEnvironment#AGENT_ENABLED_KEY} is false) and prints the login URL on {@code console}.
     */
    public static DashboardHost start(AppModel model, Configuration configuration, Orchestrator orchestrator,
            PrintStream console) {
        TelemetryStore store = new TelemetryStore(TelemetryLimits.from(configuration));
        DashboardAuth auth = flag(configuration, UNSECURED_KEY, false) ? DashboardAuth.unsecured()
                : DashboardAuth.withToken(DashboardAuth.newToken());
        int pagesPort = port(configuration, PORT_KEY);
        // the port is held (bound) until the receiver binds it, so no resource is handed it meanwhile
        dev.apphost.run.PortAllocator held = new dev.apphost.run.PortAllocator();
        OtlpIdentity identity = OtlpIdentity.choose(model, configuration, orchestrator.appHostDirectory(),
                orchestrator.userSecrets(), port(configuration, OTLP_PORT_KEY), held);
        int otlpPort = identity.port();
        String apiKey = identity.apiKey();
        OtelEnvironment otel = new OtelEnvironment(otlpPort, apiKey, agentJar(configuration));
        orchestrator.useTelemetry(otel);
        DashboardHost host = new DashboardHost(store, otel);
        int receiverPort = otlpPort;
        boolean containers = model.computeResources().stream()
                .anyMatch(r -> r instanceof dev.apphost.model.ContainerResource);
        String containerAddress = configuration.get(ContainerListenAddress.KEY);
        if (containerAddress != null && !containerAddress.isBlank()) {
            ContainerListenAddress.resolve(containerAddress); // a wrong value fails the run here, not in the background
        }
        // the servers start beside the resources, not before them: nothing a resource needs waits for them
        host.started = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                held.release(receiverPort);
                // looking the bridge up (interfaces) is off the start path too
                java.util.List<java.net.InetAddress> forContainers = containers
                        ? ContainerListenAddress.resolve(containerAddress).stream().toList() : java.util.List.of();
                host.receiver = startReceiver(store, apiKey, receiverPort, forContainers, console);
                DashboardBackend backend = new RuntimeDashboardBackend(model, orchestrator.notifications(),
                        orchestrator.logs(), orchestrator, orchestrator::environment);
                host.server = DashboardServer.start(backend, store, auth, pagesPort);
                console.println(LOGIN_PREFIX + host.server.loginUrl());
            } catch (IOException e) {
                host.closeServers();
                console.println("apphost: the dashboard cannot start: " + e.getMessage() + ". Set free ports with --"
                        + PORT_KEY + "=<port> and --" + OTLP_PORT_KEY + "=<port>, or turn it off with --" + ENABLED_KEY
                        + "=false.");
                throw new java.io.UncheckedIOException(e);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "apphost-dashboard-start");
            t.setDaemon(true);
            t.start();
        });
        return host;
    }

    /**
     * The receiver on loopback and, for containers, on {@code forContainers}; when that address cannot be
     * bound the run goes on with loopback only and says so (containers' telemetry is then lost).
     */
    private static OtlpReceiver startReceiver(TelemetryStore store, String apiKey, int port,
            java.util.List<java.net.InetAddress> forContainers, PrintStream console) throws IOException {
        try {
            return startOnLoopback(store, apiKey, port, forContainers);
        } catch (IOException e) {
            if (forContainers.isEmpty()) {
                throw e;
            }
            console.println("apphost: the OTLP receiver cannot listen on " + forContainers.get(0).getHostAddress() + ":"
                    + port + " (" + e.getMessage() + "), so containers cannot send telemetry. Set --"
                    + ContainerListenAddress.KEY + "=<address> (or none).");
            return startOnLoopback(store, apiKey, port, java.util.List.of());
        }
    }

    /**
     * The port was held until just before this bind, and every resource was given it. Something can
     * hold it for a moment in between (DashboardHostTest saw "Address already in use" with nothing on
     * the port a moment later, also with ports allocated below the ephemeral range), so the bind is
     * retried for a while rather than failing the dashboard.
     */
    private static OtlpReceiver startOnLoopback(TelemetryStore store, String apiKey, int port,
            java.util.List<java.net.InetAddress> forContainers) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return OtlpReceiver.start(store, apiKey, port, forContainers);
            } catch (java.net.BindException e) {
                if (attempt == BIND_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Waits until the pages and the receiver listen. */
    public DashboardHost awaitStarted() {
        try {
            started.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new DistributedApplicationException("The dashboard did not start: " + e.getCause().getMessage(),
                    e.getCause());
        }
        return this;
    }

    private static Path agentJar(Configuration configuration) {
        String jar = System.getProperty(OtelEnvironment.AGENT_JAR_PROPERTY);
        if (jar == null || jar.isBlank() || !flag(configuration, OtelEnvironment.AGENT_ENABLED_KEY, true)) {
            return null;
        }
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            throw new DistributedApplicationException("The OpenTelemetry Java agent " + path + " (system property "
                    + OtelEnvironment.AGENT_JAR_PROPERTY + ") does not exist. Let the apphost plugin resolve it, or"
                    + " run without it: --" + OtelEnvironment.AGENT_ENABLED_KEY + "=false.");
        }
        return path;
    }

    private static boolean flag(Configuration configuration, String key, boolean byDefault) {
        String value = configuration.get(key);
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new DistributedApplicationException("Configuration '" + key + "' must be true or false,"
                    + " not '" + value + "'.");
        };
    }

    private static int port(Configuration configuration, String key) {
        String value = configuration.get(key);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new DistributedApplicationException("Configuration '" + key + "' must be a port (0-65535), not '"
                    + value + "'.");
        }
    }

    public String url() {
        return awaitStarted().server.url();
    }

    public String loginUrl() {
        return awaitStarted().server.loginUrl();
    }

    public String otlpEndpoint() {
        return awaitStarted().receiver.endpoint();
    }

    /** Where the OTLP receiver listens: loopback, then the address containers reach (if any). */
    public java.util.List<java.net.InetSocketAddress> otlpAddresses() {
        return awaitStarted().receiver.addresses();
    }

    public TelemetryStore telemetry() {
        return store;
    }

    public OtelEnvironment otelEnvironment() {
        return otel;
    }

    @Override
    public void close() {
        try {
            started.join();
        } catch (RuntimeException failedToStart) {
            // nothing more to close than what closeServers closes
        }
        closeServers();
    }

    private void closeServers() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }
}
