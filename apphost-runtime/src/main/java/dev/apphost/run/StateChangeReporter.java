package dev.apphost.run;

import static dev.apphost.KnownResourceStates.NOT_STARTED;
import static dev.apphost.KnownResourceStates.RUNNING;

import dev.apphost.ResourceSnapshot;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Listens to the {@link StateStore} and prints the state changes worth a line: {@code [api] Running},
 * failures, exits, health changes of resources that have a health check (with the reason), and
 * parameters whose value is missing. Snapshot changes that keep the state and the health (a new
 * reason, a dependency mark) are not worth a line.
 */
final class StateChangeReporter implements Consumer<ResourceSnapshot> {

    private final ConsoleReporter console;
    private final Predicate<String> isCompute;
    private final Predicate<String> hasHealthCheck;
    private final Map<String, ResourceSnapshot> lastReported = new ConcurrentHashMap<>();

    /**
     * @param isCompute whether a resource name is a compute resource (others only report a missing value)
     * @param hasHealthCheck whether a compute resource has a health check (others never print health)
     */
    StateChangeReporter(ConsoleReporter console, Predicate<String> isCompute, Predicate<String> hasHealthCheck) {
        this.console = console;
        this.isCompute = isCompute;
        this.hasHealthCheck = hasHealthCheck;
    }

    @Override
    public void accept(ResourceSnapshot s) {
        if (!isCompute.test(s.name())) {
            if (ResourceStates.VALUE_MISSING.equals(s.state())) {
                console.state(s);
            }
            return;
        }
        if (RUNNING.equals(s.state())) {
            ResourceSnapshot previous = lastReported.put(s.name(), s);
            if (previous != null && RUNNING.equals(previous.state())) {
                boolean turned = s.isHealthy() ? !previous.isHealthy() : previous.isHealthy();
                if (turned && hasHealthCheck.test(s.name())) {
                    console.health(s);
                }
                return;
            }
            console.state(s);
            return;
        }
        ResourceSnapshot previous = lastReported.put(s.name(), s);
        if (previous != null && previous.state().equals(s.state()) && Objects.equals(previous.message(), s.message())) {
            return;
        }
        if (!NOT_STARTED.equals(s.state())) {
            console.state(s);
        }
    }
}
