package dev.apphost.run;

import dev.apphost.Configuration;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How a run behaves; {@link #from(Configuration)} reads the configurable parts.
 *
 * @param shutdownTimeout grace period between SIGTERM and SIGKILL (config {@code AppHost:ShutdownTimeout}, seconds; default 5)
 * @param executors the executors, tried in order; {@code null} = a {@link ProcessExecutor} and a {@link ContainerExecutor}
 * @param reaper what watches started processes and the container session; {@code null} = start a {@link WatchdogReaper}
 * @param console where the AppHost prints
 * @param colour whether to use ANSI colours
 * @param logBufferLines how many lines of each resource's output to keep
 * @param containerEngineEnvironment variables that override the process environment when looking for the
 *        container engine ({@code DOCKER_HOST}, {@code APPHOST_CONTAINER_RUNTIME}, …); never {@code null}
 */
public record RunOptions(Duration shutdownTimeout, List<ResourceExecutor> executors, Supplier<ProcessReaper> reaper,
        PrintStream console, boolean colour, int logBufferLines, Map<String, String> containerEngineEnvironment) {

    public static final String SHUTDOWN_TIMEOUT_KEY = "AppHost:ShutdownTimeout";
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    /** The variables the container engine locator reads; configuration (args, env, apphost.properties) may set them. */
    public static final List<String> CONTAINER_ENGINE_KEYS = List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY",
            "DOCKER_CERT_PATH", "CONTAINER_HOST", "APPHOST_CONTAINER_RUNTIME", "ASPIRE_CONTAINER_RUNTIME",
            "DOTNET_ASPIRE_CONTAINER_RUNTIME");

    public RunOptions {
        containerEngineEnvironment = containerEngineEnvironment == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(containerEngineEnvironment));
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_SHUTDOWN_TIMEOUT, null, null, System.out, ConsoleReporter.colourWanted(), 1000,
                Map.of());
    }

    /**
     * Defaults, with {@code AppHost:ShutdownTimeout} (seconds, may be fractional) from {@code configuration},
     * and the container engine variables ({@link #CONTAINER_ENGINE_KEYS}) as configured.
     */
    public static RunOptions from(Configuration configuration) {
        RunOptions options = defaults();
        String timeout = configuration.get(SHUTDOWN_TIMEOUT_KEY);
        if (timeout != null && !timeout.isBlank()) {
            try {
                double seconds = Double.parseDouble(timeout.trim());
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                options = options.withShutdownTimeout(Duration.ofMillis((long) (seconds * 1000)));
            } catch (NumberFormatException e) {
                throw new dev.apphost.DistributedApplicationException("Configuration '" + SHUTDOWN_TIMEOUT_KEY
                        + "' must be a number of seconds, not '" + timeout + "'.");
            }
        }
        Map<String, String> engine = new LinkedHashMap<>();
        for (String key : CONTAINER_ENGINE_KEYS) {
            String value = configuration.get(key);
            if (value != null) {
                engine.put(key, value);
            }
        }
        return options.withContainerEngineEnvironment(engine);
    }

    public RunOptions withShutdownTimeout(Duration value) {
        return new RunOptions(value, executors, reaper, console, colour, logBufferLines, containerEngineEnvironment);
    }

    public RunOptions withExecutors(List<ResourceExecutor> value) {
        return new RunOptions(shutdownTimeout, List.copyOf(value), reaper, console, colour, logBufferLines,
                containerEngineEnvironment);
    }

    public RunOptions withReaper(Supplier<ProcessReaper> value) {
        return new RunOptions(shutdownTimeout, executors, value, console, colour, logBufferLines,
                containerEngineEnvironment);
    }

    public RunOptions withConsole(PrintStream value, boolean useColour) {
        return new RunOptions(shutdownTimeout, executors, reaper, value, useColour, logBufferLines,
                containerEngineEnvironment);
    }

    public RunOptions withLogBufferLines(int value) {
        return new RunOptions(shutdownTimeout, executors, reaper, console, colour, value, containerEngineEnvironment);
    }

    /** Variables (e.g. {@code DOCKER_HOST=unix:///other.sock}) laid over the process environment for the engine locator. */
    public RunOptions withContainerEngineEnvironment(Map<String, String> value) {
        return new RunOptions(shutdownTimeout, executors, reaper, console, colour, logBufferLines, value);
    }

    /** The environment the container engine locator sees: the process's, overridden by {@link #containerEngineEnvironment()}. */
    public Map<String, String> effectiveContainerEngineEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(containerEngineEnvironment);
        return env;
    }
}
