package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.ExecutableResource;
import dev.apphost.model.ProjectResource;
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
 */
public final class ProcessExecutor implements ResourceExecutor {

    /** {@code /usr/bin/setsid} or {@code /bin/setsid} when present, else {@code null}. */
    public static final String SETSID = findSetsid();

    /** Whether this JVM leads its own session, so no terminal signal reaches the children it starts. */
    static final boolean LEADS_OWN_SESSION = leadsOwnSession();

    /** Classpaths longer than this go through an {@code @argfile}. */
    static final int ARGFILE_THRESHOLD = 4000;

    private final ProjectLaunchResolver projects;
    private final boolean useSetsid;
    private final boolean nativeSpawn;

    /**
     * @param ownGroups whether each child gets a session and group of its own (the default);
     *        {@code false} starts children in the AppHost's group (benchmarks compare the two)
     */
    public ProcessExecutor(ProjectLaunchResolver projects, boolean ownGroups) {
        this(projects, ownGroups, PosixSpawn.AVAILABLE);
    }

    /** @param nativeSpawn whether to use {@link PosixSpawn} (where available); {@code false} tests the fallback */
    ProcessExecutor(ProjectLaunchResolver projects, boolean ownGroups, boolean nativeSpawn) {
        this.projects = projects;
        this.nativeSpawn = ownGroups && nativeSpawn && PosixSpawn.AVAILABLE;
        this.useSetsid = ownGroups && !this.nativeSpawn && SETSID != null && !LEADS_OWN_SESSION;
    }

    public ProcessExecutor() {
        this(new TargetClassesLaunchResolver(), true);
    }

    @Override
    public boolean supports(ComputeResource resource) {
        return resource instanceof ExecutableResource || resource instanceof ProjectResource;
    }

    @Override
    public RunningResource start(ComputeResource resource, LaunchRequest request, LogSink logs)
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
        if (nativeSpawn) {
            Map<String, String> env = ChildEnvironment.of(System.getenv(), request.environment());
            try {
                PosixSpawn.Spawned child = PosixSpawn.spawn(command, directory, env);
                return new RunningProcess(resource.name(), ProcessHandle.of(child.pid()).orElse(null), child.pid(),
                        child.stdout(), child.stderr(), child.exit(), logs);
            } catch (IOException e) {
                throw new ResourceStartException("Resource '" + resource.name() + "' could not be started ("
                        + String.join(" ", command) + "): " + e.getMessage(), e);
            }
        }
        if (useSetsid) {
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
        return new RunningProcess(resource.name(), process.toHandle(), process.pid(), process.getInputStream(),
                process.getErrorStream(), process.onExit().thenApply(Process::exitValue), logs);
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
