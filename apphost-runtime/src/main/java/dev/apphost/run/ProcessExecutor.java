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
 * <p><b>Process groups.</b> Children must not receive the terminal's Ctrl+C themselves: the
 * AppHost stops them, dependents first, like Aspire/DCP. When the AppHost leads its own session (the
 * Maven plugin starts it through {@code setsid}, detached from the terminal), its children inherit
 * that session and group and are started directly. Otherwise (an AppHost started from a shell or an
 * IDE), each child is started through the {@code setsid} program, where it exists (Linux), so it
 * leads a session and group of its own; that costs one extra {@code exec} per child. Either way the
 * {@link ProcessReaper} can kill a resource's whole group, daemonized grandchildren included, after
 * a SIGKILL of the AppHost. Without {@code setsid} (macOS) children stay in the AppHost's group and
 * get the terminal's SIGINT too. {@code setsid} does not fork here (a spawned child is never a group
 * leader), so the pid Java sees is the program's.
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

    public ProcessExecutor(ProjectLaunchResolver projects, boolean useSetsid) {
        this.projects = projects;
        this.useSetsid = useSetsid && SETSID != null && !LEADS_OWN_SESSION;
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
        if (useSetsid) {
            command.add(0, SETSID);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(request.environment());
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
        return new RunningProcess(resource.name(), process, logs);
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

        private final Process process;
        private final java.util.concurrent.CompletableFuture<Integer> exit;

        RunningProcess(String name, Process process, LogSink logs) {
            this.process = process;
            var out = LogPump.start("apphost-log-" + name + "-out", process.getInputStream(), LogLine.Stream.STDOUT, logs);
            var err = LogPump.start("apphost-log-" + name + "-err", process.getErrorStream(), LogLine.Stream.STDERR, logs);
            // the output may be held open by a grandchild: wait for its end a little, not forever
            this.exit = process.onExit().thenCompose(p -> java.util.concurrent.CompletableFuture.allOf(out, err)
                    .completeOnTimeout(null, 1, java.util.concurrent.TimeUnit.SECONDS)
                    .thenApply(ignored -> p.exitValue()));
        }

        @Override
        public java.util.concurrent.CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public void stop(java.time.Duration grace) {
            ProcessTrees.stop(process.toHandle(), grace);
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
            return List.of(process.toHandle());
        }

        @Override
        public Long pid() {
            return process.pid();
        }
    }
}
