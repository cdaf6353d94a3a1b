package dev.apphost.dashboard;

import dev.apphost.ExecuteCommandResult;
import dev.apphost.ResourceCommand;
import dev.apphost.ResourceCommands;
import dev.apphost.ResourceLogs;
import dev.apphost.ResourceNotifications;
import dev.apphost.ResourceSnapshot;
import dev.apphost.Subscription;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.ExecutableResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.Resource;
import dev.apphost.run.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The dashboard's view of a run through its public interfaces: snapshots (state, health and its
 * reason, start time) and their changes from {@link ResourceNotifications}, console lines from
 * {@link ResourceLogs}, and every command — Start, Stop, Restart and the resource's own — from
 * {@link ResourceCommands}, as {@code DistributedApplication.resourceCommands()} runs them.
 *
 * <pre>{@code
 * var backend = new RuntimeDashboardBackend(model, orchestrator.notifications(), orchestrator.logs(),
 *         orchestrator, orchestrator::environment);
 * DashboardServer.start(backend, telemetry, DashboardAuth.withToken(token), 0);
 * }</pre>
 */
public final class RuntimeDashboardBackend implements DashboardBackend {

    private final AppModel model;
    private final ResourceNotifications notifications;
    private final ResourceLogs logs;
    private final ResourceCommands commands;
    private final Function<String, Map<String, String>> environments;

    /** @param environments the environment a resource was last started with (empty before it starts) */
    public RuntimeDashboardBackend(AppModel model, ResourceNotifications notifications, ResourceLogs logs,
            ResourceCommands commands, Function<String, Map<String, String>> environments) {
        this.model = model;
        this.notifications = notifications;
        this.logs = logs;
        this.commands = commands;
        this.environments = environments;
    }

    @Override
    public List<ResourceView> resources() {
        List<ResourceView> views = new ArrayList<>();
        for (ResourceSnapshot s : notifications.snapshots()) {
            Resource r = model.get(s.name());
            List<String> references = new ArrayList<>();
            List<String> waitFor = List.of();
            if (r instanceof ComputeResource c) {
                for (EnvironmentEntry e : c.settings().environment()) {
                    if (e instanceof EnvironmentEntry.Reference ref && !references.contains(ref.resource())) {
                        references.add(ref.resource());
                    }
                }
                waitFor = c.settings().waitFor();
            }
            views.add(new ResourceView(s, source(r), references, waitFor));
        }
        return views;
    }

    static String source(Resource r) {
        if (r instanceof ProjectResource p) {
            return p.projectPath().toString();
        }
        if (r instanceof ContainerResource c) {
            return c.image() + (c.tag() == null || c.tag().isEmpty() ? "" : ":" + c.tag());
        }
        if (r instanceof ExecutableResource e) {
            return e.command();
        }
        return "";
    }

    @Override
    public AutoCloseable subscribe(Consumer<String> changed) {
        Subscription subscription = notifications.subscribe(s -> changed.accept(s.name()));
        return subscription::close;
    }

    @Override
    public Map<String, String> environment(String resource) {
        return environments.apply(resource);
    }

    @Override
    public List<LogLine> logs(String resource) {
        return logs.lines(resource);
    }

    @Override
    public AutoCloseable followLogs(String resource, Consumer<LogLine> sink) {
        Subscription subscription = logs.subscribe(resource, sink);
        return subscription::close;
    }

    @Override
    public List<ResourceCommand> commands(String resource) {
        if (!(model.get(resource) instanceof ComputeResource)) {
            return List.of();
        }
        return commands.commands(resource);
    }

    @Override
    public ExecuteCommandResult execute(String resource, String command) {
        return commands.executeCommand(resource, command);
    }
}
