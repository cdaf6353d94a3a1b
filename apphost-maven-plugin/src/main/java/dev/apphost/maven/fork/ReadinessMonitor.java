package dev.apphost.maven.fork;

import dev.apphost.launch.StatusLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the AppHost's output for the {@link StatusLines} protocol and tells the waiting thread
 * how startup ended: ready, some resources failed, the process exited, or nothing within the
 * timeout. Thread-safe: one thread feeds lines, another awaits.
 */
public final class ReadinessMonitor {

    /** How waiting ended. */
    public enum Outcome {
        READY, FAILED, EXITED, TIMED_OUT
    }

    private final Map<String, String> states = new LinkedHashMap<>();
    private final Map<String, String> stateLines = new LinkedHashMap<>();
    private List<String> failed = List.of();
    private Outcome outcome;
    private int exitCode;

    /** Feed one line of the AppHost's standard output. */
    public synchronized void accept(String line) {
        StatusLines.parseState(line).ifPresent(p -> {
            states.put(p[0], p[1]);
            stateLines.put(p[0], line.strip());
        });
        if (outcome != null) {
            return;
        }
        if (StatusLines.isReady(line)) {
            complete(Outcome.READY);
        } else {
            StatusLines.parseFailed(line).ifPresent(names -> {
                failed = List.copyOf(names);
                complete(Outcome.FAILED);
            });
        }
    }

    /** The process ended. */
    public synchronized void exited(int exitCode) {
        if (outcome == null) {
            this.exitCode = exitCode;
            complete(Outcome.EXITED);
        }
    }

    private void complete(Outcome value) {
        outcome = value;
        notifyAll();
    }

    /** Waits for the outcome; {@link Outcome#TIMED_OUT} when none arrived in time. */
    public synchronized Outcome await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outcome == null) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Outcome.TIMED_OUT;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return outcome;
    }

    /** Resources named in the "failed" line. */
    public synchronized List<String> failedResources() {
        return failed;
    }

    /** The last state line printed for each failed resource (it usually says why). */
    public synchronized List<String> failureDetails() {
        List<String> details = new ArrayList<>();
        for (String name : failed) {
            String line = stateLines.get(name);
            if (line != null) {
                details.add(line);
            }
        }
        return details;
    }

    /** Exit code, when the outcome is {@link Outcome#EXITED}. */
    public synchronized int exitCode() {
        return exitCode;
    }

    /** Last known state of each resource that printed a state line. */
    public synchronized Map<String, String> states() {
        return new LinkedHashMap<>(states);
    }

    /** "{@code name (State)}" for each resource whose last state is not Running. */
    public synchronized List<String> notReady() {
        List<String> names = new ArrayList<>();
        states.forEach((name, state) -> {
            if (!"Running".equals(state)) {
                names.add(name + " (" + state + ")");
            }
        });
        return names;
    }
}
