package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.ExecutableResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.run.proxy.EndpointProxies;
import dev.apphost.run.proxy.TcpProxy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs projects (a JVM per reactor module) and executables as child processes.
 *
 * <p><b>Process groups.</b> Each child leads a session and process group of its own: the
 * terminal's Ctrl+C does not reach it (the AppHost stops resources itself, dependents first, like
 * Aspire/DCP), and stopping a resource signals its whole group, so grandchildren that daemonized
 * ({@code (sleep 1000 &)}) go too ({@link ProcessTrees}). On Linux with glibc 2.34+ the child is
 * started by one {@code posix_spawn} with {@code POSIX_SPAWN_SETSID} ({@link PosixSpawn}), which
 * costs no more than a plain {@link ProcessBuilder}. Elsewhere it falls back to
 * {@link ProcessBuilder}: through the {@code setsid} program where it exists (one extra
 * {@code exec} per child), unless the AppHost already leads its own session (the Maven plugin
 * starts it so), where children share the AppHost's group; without {@code setsid} (macOS) children
 * stay in the AppHost's group and get the terminal's SIGINT too.
 *
 * <p><b>Replicas and proxied endpoints.</b> A resource with {@code withReplicas(n)} runs as {@code n}
 * processes, each with the environment and arguments of its own {@link LaunchRequest#replicas()
 * replica request}; each proxied endpoint (all endpoints of a resource with replicas) gets a
 * {@link TcpProxy} on its host port, from the {@link EndpointProxies} of the run, which forwards to the
 * running replicas' target ports ({@link ReplicaSet}). The proxies outlive a stop of the resource, so a
 * restart finds the same host port; they close with the executor (or with whoever owns the
 * {@link EndpointProxies} handed in).
 */
public final class ProcessExecutor implements ResourceExecutor {

    /** {@code /usr/bin/setsid} or {@code /bin/setsid} when present, else {@code null}. */
    public static final String SETSID = findSetsid();

    /** Whether this JVM leads its own session, so no terminal signal reaches the children it starts. */
    static final boolean LEADS_OWN_SESSION = leadsOwnSession();

    /** Classpaths longer than this go through an {@code @argfile}. */
    static final int ARGFILE_THRESHOLD = 4000;

    private final ProjectLaunchResolver projects;
    private final boolean ownGroups;
    /** Asked for; whether {@link PosixSpawn} is there is found out at the first start (loading JNA costs). */
    private final boolean nativeSpawnWanted;
    private final EndpointProxies proxies;
    private final boolean ownsProxies;

    /**
     * Opens its own proxies, closed by {@link #close()}.
     *
     * @param ownGroups whether each child gets a session and group of its own (the default);
     *        {@code false} starts children in the AppHost's group (benchmarks compare the two)
     */
    public ProcessExecutor(ProjectLaunchResolver projects, boolean ownGroups) {
        this(projects, ownGroups, true, new EndpointProxies(), true);
    }

    /** Uses the run's {@code proxies}; whoever created them (the {@link Orchestrator}) closes them when the app stops. */
    public ProcessExecutor(ProjectLaunchResolver projects, boolean ownGroups, EndpointProxies proxies) {
        this(projects, ownGroups, true, proxies, false);
    }

    /** @param nativeSpawn whether to use {@link PosixSpawn} (where available); {@code false} tests the fallback */
    ProcessExecutor(ProjectLaunchResolver projects, boolean ownGroups, boolean nativeSpawn) {
        this(projects, ownGroups, nativeSpawn, new EndpointProxies(), true);
    }

    private ProcessExecutor(ProjectLaunchResolver projects, boolean ownGroups, boolean nativeSpawn,
            EndpointProxies proxies, boolean ownsProxies) {
        this.projects = projects;
        this.ownGroups = ownGroups;
        this.nativeSpawnWanted = ownGroups && nativeSpawn;
        this.proxies = proxies;
        this.ownsProxies = ownsProxies;
    }

    public ProcessExecutor() {
        this(new TargetClassesLaunchResolver(), true);
    }

    @Override
    public boolean supports(ComputeResource resource) {
        return resource instanceof ExecutableResource || resource instanceof ProjectResource;
    }

    /**
     * Loads the native spawn (JNA, the C library) in the background when the model has processes; a
     * model of containers alone never pays for it.
     */
    @Override
    public void prepare(java.util.List<ComputeResource> resources) {
        if (nativeSpawnWanted && resources.stream().anyMatch(this::supports)) {
            Thread t = new Thread(() -> {
                boolean ignored = PosixSpawn.AVAILABLE;
            }, "apphost-spawn-init");
            t.setDaemon(true);
            t.start();
        }
    }

    private boolean nativeSpawn() {
        return nativeSpawnWanted && PosixSpawn.AVAILABLE;
    }

    private boolean useSetsid() {
        return ownGroups && !nativeSpawn() && SETSID != null && !LEADS_OWN_SESSION;
    }

    @Override
    public RunningResource start(ComputeResource resource, LaunchRequest request, LogSink logs)
            throws ResourceStartException {
        Map<TcpProxy, String> proxied = openProxies(resource, request);
        if (proxied.isEmpty() && request.replicas().isEmpty()) {
            return spawn(resource, request, logs, resource.name());
        }
        List<LaunchRequest> replicas = request.replicas().isEmpty() ? List.of(request) : request.replicas();
        List<RunningResource> started = new ArrayList<>();
        try {
            for (int i = 0; i < replicas.size(); i++) {
                String replica = replicas.size() == 1 ? resource.name() : resource.name() + "-" + i;
                LogSink sink = replicas.size() == 1 ? logs : (stream, text) -> logs.line(stream, "[" + replica + "] " + text);
                started.add(spawn(resource, replicas.get(i), sink, replica));
            }
        } catch (ResourceStartException | RuntimeException e) {
            started.forEach(r -> r.stop(java.time.Duration.ofSeconds(5)));
            throw e;
        }
        return new ReplicaSet(started, proxied, replicas);
    }

    /** The proxy of each proxied endpoint (opened at the first start, found again at a restart), with its endpoint's name. */
    private Map<TcpProxy, String> openProxies(ComputeResource resource, LaunchRequest request)
            throws ResourceStartException {
        Map<TcpProxy, String> result = new java.util.LinkedHashMap<>();
        for (AllocatedEndpoint endpoint : request.endpoints()) {
            boolean proxied = resource.endpoint(endpoint.endpoint()).map(resource::proxies).orElse(false);
            if (!proxied) {
                continue;
            }
            try {
                result.put(proxies.open(resource.name(), endpoint.endpoint(), endpoint.hostPort()), endpoint.endpoint());
            } catch (IOException e) {
                throw new ResourceStartException("Port " + endpoint.hostPort() + " of endpoint '" + endpoint.endpoint()
                        + "' of resource '" + resource.name() + "' is already in use by another process; stop that "
                        + "process or choose another port (" + e.getMessage() + ").", e);
            } catch (IllegalStateException e) {
                throw new ResourceStartException("The application is stopping.", e);
            }
        }
        return result;
    }

    private RunningResource spawn(ComputeResource resource, LaunchRequest request, LogSink logs, String instance)
            throws ResourceStartException {
        List<String> command = new ArrayList<>();
        Path directory;
        if (resource instanceof ExecutableResource executable) {
            directory = executable.workingDirectory();
            if (!Files.isDirectory(directory)) {
                throw new ResourceStartException("The working directory " + directory + " of executable resource '"
                        + resource.name() + "' does not exist.");
            }
            String path = request.environment().getOrDefault("PATH", System.getenv("PATH"));
            command.add(ExecutableLocator.locate(resource.name(), executable.command(), directory, path).toString());
        } else if (resource instanceof ProjectResource project) {
            ProjectLaunchSpec spec = projects.resolve(project);
            directory = spec.workingDirectory();
            command.add(javaExecutable());
            command.addAll(ProjectJvmOptions.of(project.jvmArgs()));
            command.addAll(spec.jvmArgs());
            command.addAll(classpathArgs(resource.name(), spec.classpath()));
            command.add(spec.mainClass());
        } else {
            throw new ResourceStartException("The process executor cannot run " + resource.getClass().getSimpleName()
                    + " '" + resource.name() + "'.");
        }
        command.addAll(request.args());
        if (nativeSpawn()) {
            Map<String, String> env = ChildEnvironment.of(System.getenv(), request.environment());
            try {
                PosixSpawn.Spawned child = PosixSpawn.spawn(command, directory, env);
                return new RunningProcess(instance, ProcessHandle.of(child.pid()).orElse(null), child.pid(),
                        child.stdout(), child.stderr(), child.exit(), logs);
            } catch (IOException e) {
                throw new ResourceStartException("Resource '" + resource.name() + "' could not be started ("
                        + String.join(" ", command) + "): " + e.getMessage(), e);
            }
        }
        if (useSetsid()) {
            command.add(0, SETSID);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(ChildEnvironment.of(System.getenv(), request.environment()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ResourceStartException("Resource '" + resource.name() + "' could not be started ("
                    + String.join(" ", command) + "): " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // stdin is not used
        }
        return new RunningProcess(instance, process.toHandle(), process.pid(), process.getInputStream(),
                process.getErrorStream(), process.onExit().thenApply(Process::exitValue), logs);
    }

    /** Closes the proxies when this executor owns them. */
    @Override
    public void close() {
        if (ownsProxies) {
            proxies.close();
        }
    }

    /** The java launcher of the JVM running the AppHost. */
    static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** {@code -cp <path>}, or {@code @<argfile>} holding it when it is long. */
    static List<String> classpathArgs(String resource, List<Path> classpath) throws ResourceStartException {
        String joined = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        if (joined.length() <= ARGFILE_THRESHOLD) {
            return List.of("-cp", joined);
        }
        try {
            Path argfile = Files.createTempFile("apphost-" + resource + "-", ".argfile");
            argfile.toFile().deleteOnExit();
            String quoted = "\"" + joined.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            Files.writeString(argfile, "-cp\n" + quoted + "\n", StandardCharsets.UTF_8);
            return List.of("@" + argfile);
        } catch (IOException e) {
            throw new ResourceStartException("Cannot write the classpath argument file of project resource '"
                    + resource + "': " + e.getMessage(), e);
        }
    }

    private static boolean leadsOwnSession() {
        long self = ProcessHandle.current().pid();
        return dev.apphost.watchdog.ProcStat.session(self) == self;
    }

    private static String findSetsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** A started child process: its output is drained by two daemon threads. */
    static final class RunningProcess implements RunningResource {

        private final ProcessHandle handle;
        private final long pid;
        private final java.util.concurrent.CompletableFuture<Integer> exit;

        RunningProcess(String name, ProcessHandle handle, long pid, java.io.InputStream stdout,
                java.io.InputStream stderr, java.util.concurrent.CompletableFuture<Integer> exitCode, LogSink logs) {
            this.handle = handle;
            this.pid = pid;
            var out = LogPump.start("apphost-log-" + name + "-out", stdout, LogLine.Stream.STDOUT, logs);
            var err = LogPump.start("apphost-log-" + name + "-err", stderr, LogLine.Stream.STDERR, logs);
            // the output may be held open by a grandchild: wait for its end a little, not forever
            this.exit = exitCode.thenCompose(code -> java.util.concurrent.CompletableFuture.allOf(out, err)
                    .completeOnTimeout(null, 1, java.util.concurrent.TimeUnit.SECONDS)
                    .thenApply(ignored -> code));
        }

        @Override
        public java.util.concurrent.CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public void stop(java.time.Duration grace) {
            if (handle != null) {
                ProcessTrees.stop(handle, grace);
            }
            try {
                exit.get(grace.toMillis() + 3000, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception ignored) {
                // reported through exit()
            }
        }

        @Override
        public List<ProcessHandle> processes() {
            return handle == null ? List.of() : List.of(handle);
        }

        @Override
        public Long pid() {
            return pid;
        }
    }
}
