package dev.apphost.dashboard;

import dev.apphost.ExecuteCommandResult;
import dev.apphost.ResourceCommand;
import dev.apphost.ResourceSnapshot;
import dev.apphost.run.LogLine;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the dashboard reads from and asks of a running app, in one place, so the web server
 * does not depend on how the runtime orchestrates. {@link RuntimeDashboardBackend} adapts the public
 * {@link dev.apphost.ResourceNotifications}, {@link dev.apphost.ResourceLogs} and
 * {@link dev.apphost.ResourceCommands} of a run.
 */
public interface DashboardBackend {

    /** A resource as the dashboard shows it: its snapshot plus what the snapshot does not say. */
    record ResourceView(ResourceSnapshot snapshot, String source, List<String> references, List<String> waitFor) {
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

    /** The commands {@code resource} offers, each enabled or not in its current state; none for a non-compute resource. */
    List<ResourceCommand> commands(String resource);

    /** Runs {@code command} on {@code resource}; returns when it is done. */
    ExecuteCommandResult execute(String resource, String command);
}
