package dev.apphost.run;

import dev.apphost.Configuration;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a run behaves; {@link #from(Configuration)} reads the configurable parts.
 *
 * @param shutdownTimeout grace period between SIGTERM and SIGKILL (config {@code AppHost:ShutdownTimeout}, seconds; default 5)
 * @param executors the executors, tried in order; {@code null} = the process executor
 * @param reaper what watches started processes; {@code null} = start a {@link WatchdogProcessReaper}
 * @param console where the AppHost prints
 * @param colour whether to use ANSI colours
 * @param logBufferLines how many lines of each resource's output to keep
 */
public record RunOptions(Duration shutdownTimeout, List<ResourceExecutor> executors, Supplier<ProcessReaper> reaper,
        PrintStream console, boolean colour, int logBufferLines) {

    public static final String SHUTDOWN_TIMEOUT_KEY = "AppHost:ShutdownTimeout";
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_SHUTDOWN_TIMEOUT, null, null, System.out, ConsoleReporter.colourWanted(), 1000);
    }

    /** Defaults, with {@code AppHost:ShutdownTimeout} (seconds, may be fractional) from {@code configuration}. */
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
        return options;
    }

    public RunOptions withShutdownTimeout(Duration value) {
        return new RunOptions(value, executors, reaper, console, colour, logBufferLines);
    }

    public RunOptions withExecutors(List<ResourceExecutor> value) {
        return new RunOptions(shutdownTimeout, List.copyOf(value), reaper, console, colour, logBufferLines);
    }

    public RunOptions withReaper(Supplier<ProcessReaper> value) {
        return new RunOptions(shutdownTimeout, executors, value, console, colour, logBufferLines);
    }

    public RunOptions withConsole(PrintStream value, boolean useColour) {
        return new RunOptions(shutdownTimeout, executors, reaper, value, useColour, logBufferLines);
    }

    public RunOptions withLogBufferLines(int value) {
        return new RunOptions(shutdownTimeout, executors, reaper, console, colour, value);
    }
}
