package dev.apphost.dashboard;

import dev.apphost.KnownResourceStates;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.ExecutableResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.Resource;
import dev.apphost.run.LogLine;
import dev.apphost.run.Orchestrator;
import dev.apphost.run.ProcessTrees;
import dev.apphost.run.ResourceSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The dashboard's view of today's {@link Orchestrator}: snapshots and their listeners, the log
 * buffers (followed by polling them, as the orchestrator has no line listener), the environment each
 * resource was started with.
 *
 * <p>Commands: the orchestrator can stop a process resource (its process tree gets SIGTERM) but not
 * start one again, so only {@code resource-stop} runs here; once the lifecycle's command API exists,
 * {@link #commands} and {@link #execute} delegate to it.
 */
public final class RuntimeDashboardBackend implements DashboardBackend {

    static final String STOP = "resource-stop";
    static final String START = "resource-start";
    static final String RESTART = "resource-restart";

    private final AppModel model;
    private final Orchestrator orchestrator;
    private final Map<String, Instant> startTimes = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final LogFollower follower;

    public RuntimeDashboardBackend(AppModel model, Orchestrator orchestrator) {
        this.model = model;
        this.orchestrator = orchestrator;
        this.follower = new LogFollower(orchestrator);
        orchestrator.addSnapshotListener(s -> {
            if (KnownResourceStates.STARTING.equals(s.state()) || (KnownResourceStates.RUNNING.equals(s.state())
                    && !startTimes.containsKey(s.name()))) {
                startTimes.put(s.name(), Instant.now());
            }
            listeners.forEach(l -> l.accept(s.name()));
        });
    }

    @Override
    public List<ResourceView> resources() {
        List<ResourceView> views = new ArrayList<>();
        for (ResourceSnapshot s : orchestrator.snapshots()) {
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
            views.add(new ResourceView(s, source(r), startTimes.get(s.name()), references, waitFor));
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
        listeners.add(changed);
        return () -> listeners.remove(changed);
    }

    @Override
    public Map<String, String> environment(String resource) {
        return orchestrator.environment(resource);
    }

    @Override
    public List<LogLine> logs(String resource) {
        return orchestrator.lines(resource);
    }

    @Override
    public AutoCloseable followLogs(String resource, Consumer<LogLine> sink) {
        return follower.follow(resource, sink);
    }

    @Override
    public List<Command> commands(String resource) {
        if (!(model.get(resource) instanceof ComputeResource)) {
            return List.of();
        }
        ResourceSnapshot s = orchestrator.snapshot(resource);
        boolean running = KnownResourceStates.RUNNING.equals(s.state())
                || KnownResourceStates.RUNTIME_UNHEALTHY.equals(s.state());
        return List.of(new Command(START, "Start", false), new Command(STOP, "Stop", running && s.pid() != null),
                new Command(RESTART, "Restart", false));
    }

    @Override
    public CommandResult execute(String resource, String command) {
        Command found = commands(resource).stream().filter(c -> c.name().equals(command)).findFirst().orElse(null);
        if (found == null) {
            return new CommandResult(false, "Resource '" + resource + "' has no command '" + command + "'.");
        }
        if (!found.enabled()) {
            return new CommandResult(false, "Command '" + command + "' is not available for resource '" + resource
                    + "' in its current state.");
        }
        Long pid = orchestrator.snapshot(resource).pid();
        ProcessHandle.of(pid).ifPresent(p -> ProcessTrees.stop(p, Duration.ofSeconds(5)));
        return new CommandResult(true, null);
    }

    /** Stops the polling thread. */
    public void close() {
        follower.close();
    }
}
