package dev.apphost.watchdog;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure that what the app host started dies with it, even when the app host is killed with
 * SIGKILL: host process trees are terminated and the session's containers and networks removed.
 *
 * <pre>{@code
 * try (Watchdog watchdog = Watchdog.start()) {
 *     watchdog.watchContainerSession(sessionId);       // before creating the session's resources
 *     Process api = new ProcessBuilder("java", "-jar", "api.jar").start();
 *     watchdog.watchProcess(api.toHandle());            // its whole tree is killed if we die
 *     ...
 * }   // normal end: close() lets the reaper remove whatever is left, then exit
 * }</pre>
 *
 * It starts a {@link Reaper} (a small JVM on the same classpath, in its own session via
 * {@code setsid}) and keeps a pipe to its stdin; the kernel closes that pipe when this JVM dies
 * for any reason, and the reaper also watches this JVM's PID. Each {@code watch...} call is one
 * line on the pipe, so it costs microseconds. Not a substitute for an orderly shutdown: the
 * reaper is the safety net; {@code dev.apphost.containers.OrphanSweeper} is the net under it.
 */
public final class Watchdog implements AutoCloseable {
    private final Process reaper;
    private final OutputStream commands;

    private Watchdog(Process reaper) {
        this.reaper = reaper;
        this.commands = reaper.getOutputStream();
    }

    /** Starts the reaper with the current {@code java} and this library's classpath, output discarded. */
    public static Watchdog start() {
        return start(null);
    }

    /**
     * Starts the reaper.
     *
     * @param reaperLog file for the reaper's diagnostics (appended), or {@code null} to discard them
     */
    public static Watchdog start(Path reaperLog) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Own session and process group: a Ctrl-C or a group kill aimed at the app host spares it.
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick: the reaper idles, then does a few HTTP calls. Measured 0.16 s CPU to start, 35 MB RSS.
        command.addAll(List.of("-Xmx48m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-Xshare:auto", "-cp", classpath(), Reaper.class.getName(),
                "--owner-pid", Long.toString(ProcessHandle.current().pid())));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(reaperLog == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(reaperLog.toFile()));
        try {
            return new Watchdog(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the apphost reaper: " + command, e);
        }
    }

    /** Kill {@code process} and its descendants if the app host dies. */
    public void watchProcess(ProcessHandle process) {
        long start = process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        send("pid " + process.pid() + " " + start);
    }

    /** The process ended normally; the reaper must leave its PID alone (it may be reused). */
    public void forgetProcess(ProcessHandle process) {
        send("forget-pid " + process.pid());
    }

    /** Remove the containers and networks labelled with {@code sessionId} when the app host dies. */
    public void watchContainerSession(String sessionId) {
        watchContainerSession(sessionId, (String) null);
    }

    /**
     * As {@link #watchContainerSession(String)}, on the engine at {@code engineHost} (e.g. the
     * {@code EngineInfo.host()} the app host connected to) instead of the one the reaper finds itself.
     */
    public void watchContainerSession(String sessionId, String engineHost) {
        send("container-session " + validSessionId(sessionId) + (engineHost == null ? "" : " " + engineHost));
    }

    /**
     * As {@link #watchContainerSession(String, String)}, on the engine that {@code engineEnvironment}
     * describes ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}): the reaper
     * connects with exactly these, whatever its own environment says.
     */
    public void watchContainerSession(String sessionId, java.util.Map<String, String> engineEnvironment) {
        send(sessionCommand(validSessionId(sessionId), engineEnvironment));
    }

    /** {@code container-session <id> <host> KEY=url-encoded-value...}: one line, whatever the values hold. */
    static String sessionCommand(String sessionId, java.util.Map<String, String> engineEnvironment) {
        StringBuilder line = new StringBuilder("container-session ").append(sessionId).append(' ')
                .append(java.net.URLEncoder.encode(engineEnvironment.getOrDefault("DOCKER_HOST", ""), StandardCharsets.UTF_8));
        engineEnvironment.forEach((key, value) -> {
            if (!key.equals("DOCKER_HOST") && key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                line.append(' ').append(key).append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return line.toString();
    }

    private static String validSessionId(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId == null");
        if (sessionId.isBlank() || sessionId.contains(" ") || sessionId.contains("\n")) {
            throw new IllegalArgumentException("not a valid session id: '" + sessionId + "'");
        }
        return sessionId;
    }

    /** The reaper's PID (for diagnostics and tests). */
    public long reaperPid() {
        return reaper.pid();
    }

    /** Completes with the reaper's exit code when it has exited, whatever ended it. */
    public java.util.concurrent.CompletableFuture<Integer> onReaperExit() {
        return reaper.onExit().thenApply(Process::exitValue);
    }

    /** Whether the reaper is still running. */
    public boolean isAlive() {
        return reaper.isAlive();
    }

    private synchronized void send(String line) {
        try {
            commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The apphost reaper (pid " + reaper.pid() + ") is gone; cannot send: " + line, e);
        }
    }

    /** Closes the pipe: the reaper cleans up what is still watched and exits. Does not wait. */
    @Override
    public synchronized void close() {
        try {
            commands.close();
        } catch (IOException ignored) {
            // the reaper is gone already
        }
    }

    /** {@link #close()}, then waits up to {@code timeout} for the reaper to finish its cleanup. */
    public boolean closeAndWait(Duration timeout) throws InterruptedException {
        close();
        return reaper.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The classpath the reaper needs: {@code java.class.path}, plus the URLs of the class loaders
     * that loaded this library (inside Maven the plugin realm is a URLClassLoader, and
     * {@code java.class.path} holds only Maven's boot jars).
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = Watchdog.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader) {
                for (URL url : ((URLClassLoader) loader).getURLs()) {
                    toPath(url).ifPresent(entries::add);
                }
            }
        }
        var codeSource = Watchdog.class.getProtectionDomain().getCodeSource();
        if (codeSource != null) {
            toPath(codeSource.getLocation()).ifPresent(entries::add);
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static java.util.Optional<String> toPath(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? java.util.Optional.of(Path.of(url.toURI()).toString()) : java.util.Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
