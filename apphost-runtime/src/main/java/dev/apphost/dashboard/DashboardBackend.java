package dev.apphost.dashboard;

import dev.apphost.run.LogLine;
import dev.apphost.run.ResourceSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the dashboard reads from and asks of a running app, in one place, so the web server
 * does not depend on how the runtime orchestrates. {@link RuntimeDashboardBackend} adapts today's
 * {@link dev.apphost.run.Orchestrator}.
 */
public interface DashboardBackend {

    /** A resource as the dashboard shows it: its snapshot plus what the snapshot does not say. */
    record ResourceView(ResourceSnapshot snapshot, String source, Instant startTime, List<String> references,
            List<String> waitFor) {
    }

    /** A command a resource offers; {@code enabled} is false where its state does not allow it now. */
    record Command(String name, String displayName, boolean enabled) {
    }

    /** The outcome of a command: {@code success} and, when it failed, why. */
    record CommandResult(boolean success, String message) {
    }

    /** Every resource, in model order. */
    List<ResourceView> resources();

    /** Called with the name of each resource whose view changed; close the result to stop listening. */
    AutoCloseable subscribe(Consumer<String> changed);

    /** The environment a resource was started with; empty before it starts. */
    Map<String, String> environment(String resource);

    /** The console lines kept for {@code resource}, oldest first. */
    List<LogLine> logs(String resource);

    /** Calls {@code sink} with every line {@code resource} writes from now on; close the result to stop. */
    AutoCloseable followLogs(String resource, Consumer<LogLine> sink);

    /** The commands {@code resource} offers in its current state. */
    List<Command> commands(String resource);

    /** Runs {@code command} on {@code resource}; returns when it is done. */
    CommandResult execute(String resource, String command);
}
