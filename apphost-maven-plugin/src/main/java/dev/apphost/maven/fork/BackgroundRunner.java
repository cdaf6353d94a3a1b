package dev.apphost.maven.fork;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Starts the AppHost in the background for integration tests (goal {@code start}) and stops it
 * again ({@code stop}). Its output goes, line by line, to a log file and to a consumer (the Maven
 * log); {@link #start} returns once the AppHost printed {@code apphost: all resources ready}. The
 * pid is written to a file so {@link #stop} can find the process even from another Maven
 * invocation.
 */
public final class BackgroundRunner {

    private static final ConcurrentHashMap<Path, Process> STARTED = new ConcurrentHashMap<>();

    private final Duration startTimeout;
    private final Duration shutdownTimeout;

    public BackgroundRunner(Duration startTimeout, Duration shutdownTimeout) {
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout == null");
        this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout == null");
    }

    /**
     * Starts the request, waits for readiness and returns the pid.
     *
     * @throws AppHostStartException when resources failed, the AppHost exited, or it was not ready
     *     within the start timeout; the process is stopped before this is thrown
     */
    public long start(JavaForkRequest request, Path logFile, Path pidFile, Consumer<String> output)
            throws IOException, InterruptedException, AppHostStartException {
        ProcessBuilder builder = request.processBuilder()
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return start(builder, logFile, pidFile, output);
    }

    long start(ProcessBuilder builder, Path logFile, Path pidFile, Consumer<String> output)
            throws IOException, InterruptedException, AppHostStartException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.createDirectories(pidFile.toAbsolutePath().getParent());
        Process process = builder.start();
        process.getOutputStream().close();
        ReadinessMonitor monitor = new ReadinessMonitor();
        BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> pump(process, log, output, monitor), "apphost-output");
        pump.setDaemon(true);
        pump.start();
        Files.writeString(pidFile, process.pid() + System.lineSeparator()
                + process.toHandle().info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse(""),
                StandardCharsets.UTF_8);
        STARTED.put(pidFile.toAbsolutePath().normalize(), process);

        ReadinessMonitor.Outcome outcome;
        try {
            outcome = monitor.await(startTimeout);
        } catch (InterruptedException e) {
            stop(pidFile);
            throw e;
        }
        switch (outcome) {
            case READY:
                return process.pid();
            case FAILED:
                stop(pidFile);
                StringBuilder details = new StringBuilder();
                for (String line : monitor.failureDetails()) {
                    details.append(System.lineSeparator()).append("  ").append(line);
                }
                throw new AppHostStartException("AppHost reported resources that failed to start: "
                        + String.join(", ", monitor.failedResources()) + ". See their output in " + logFile + "."
                        + details);
            case EXITED:
                pump.join(2000);
                stop(pidFile);
                throw new AppHostStartException("AppHost exited with code " + monitor.exitCode()
                        + " before all resources were ready. See " + logFile + ".");
            default:
                stop(pidFile);
                String notReady = monitor.notReady().isEmpty()
                        ? "the AppHost reported no resource state"
                        : "not ready: " + String.join(", ", monitor.notReady());
                throw new AppHostStartException("AppHost was not ready within " + startTimeout.toSeconds()
                        + " s (" + notReady + "); it was stopped. Raise -Dapphost.startTimeout=<seconds> if it"
                        + " needs longer, or see " + logFile + ".");
        }
    }

    private static void pump(Process process, BufferedWriter log, Consumer<String> output, ReadinessMonitor monitor) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), Charset.defaultCharset()));
                log) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.newLine();
                log.flush();
                output.accept(line);
                monitor.accept(line);
            }
        } catch (IOException ignored) {
            // the process or Maven is going away
        }
        try {
            monitor.exited(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The live process recorded in the pid file, unless its pid was since reused by another process. */
    static ProcessHandle readPidFile(Path pidFile) throws IOException {
        String[] lines = Files.readString(pidFile, StandardCharsets.UTF_8).strip().split("\\R");
        try {
            ProcessHandle handle = ProcessHandle.of(Long.parseLong(lines[0].trim())).orElse(null);
            if (handle != null && lines.length > 1 && !lines[1].isBlank()) {
                long recorded = Long.parseLong(lines[1].trim());
                boolean sameProcess = handle.info().startInstant().map(i -> i.toEpochMilli() == recorded).orElse(true);
                return sameProcess ? handle : null;
            }
            return handle;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Stops the AppHost recorded in {@code pidFile}: SIGTERM, the shutdown timeout, then SIGKILL.
     * Deletes the pid file.
     *
     * @return {@code false} if no such AppHost was running
     */
    public boolean stop(Path pidFile) throws IOException {
        Path key = pidFile.toAbsolutePath().normalize();
        Process process = STARTED.remove(key);
        ProcessHandle handle = null;
        if (process != null) {
            handle = process.toHandle();
        } else if (Files.isRegularFile(pidFile)) {
            handle = readPidFile(pidFile);
        }
        Files.deleteIfExists(pidFile);
        if (handle == null || !handle.isAlive()) {
            return false;
        }
        ProcessTerminator.terminate(handle, shutdownTimeout);
        return true;
    }
}
