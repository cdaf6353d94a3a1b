package dev.apphost.run;

import static dev.apphost.KnownResourceStates.EXITED;
import static dev.apphost.KnownResourceStates.FAILED_TO_START;

import dev.apphost.ResourceSnapshot;
import dev.apphost.launch.RunOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Listens to the {@link StateStore} and remembers the compute resources that failed during a run:
 * reached {@code FailedToStart}, or {@code Exited} (an exit of its own with a non-zero code; a stop
 * that was asked for ends in {@code Finished}). Only changes between {@link #runStarted()} and
 * {@link #stopStarted()} count ({@code stopStarted} runs on the event loop, so a change already under
 * way when the stop begins is still counted): what the stop itself does is not a failure. A resource keeps its
 * first failure of the run even if it was started again afterwards.
 */
final class RunFailures implements Consumer<ResourceSnapshot> {

    private final Predicate<String> isCompute;
    private final Map<String, RunOutcome.Failure> failures = new LinkedHashMap<>();
    private boolean recording;

    RunFailures(Predicate<String> isCompute) {
        this.isCompute = isCompute;
    }

    synchronized void runStarted() {
        failures.clear();
        recording = true;
    }

    synchronized void stopStarted() {
        recording = false;
    }

    @Override
    public synchronized void accept(ResourceSnapshot s) {
        if (!recording || !isCompute.test(s.name()) || failures.containsKey(s.name())) {
            return;
        }
        if (FAILED_TO_START.equals(s.state())) {
            String why = s.message() == null ? "" : s.message().strip().lines().findFirst().orElse("");
            failures.put(s.name(), new RunOutcome.Failure(s.name(), why.isEmpty() ? FAILED_TO_START
                    : FAILED_TO_START + ": " + why));
        } else if (EXITED.equals(s.state())) {
            failures.put(s.name(), new RunOutcome.Failure(s.name(),
                    s.exitCode() == null ? EXITED : EXITED + " with code " + s.exitCode()));
        }
    }

    /** The failures of the current (or last) run, in the order they happened. */
    synchronized List<RunOutcome.Failure> list() {
        return new ArrayList<>(failures.values());
    }
}
