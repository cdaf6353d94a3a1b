package dev.apphost.run;

import static dev.apphost.KnownResourceStates.NOT_STARTED;
import static dev.apphost.KnownResourceStates.RUNNING;
import static dev.apphost.KnownResourceStates.WAITING;

import dev.apphost.ResourceSnapshot;
import dev.apphost.model.ResourceWait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the waits of the resources add up to: on what a resource waits (the console line), whether
 * a start has settled, and whether every resource is ready. Read on the lifecycle loop.
 */
final class WaitStatus {

    private WaitStatus() {
    }

    /** Whether nothing is on its way for {@code c}: it runs, has ended, or waits on something that has settled. */
    static boolean settled(ResourceController c, Function<String, ResourceController> controller,
            Map<String, Boolean> memo) {
        Boolean known = memo.get(c.name);
        if (known != null) {
            return known;
        }
        String s = c.state();
        boolean result;
        if (RUNNING.equals(s) || ResourceStates.isIdle(s)) {
            result = true;
        } else if (WAITING.equals(s)) {
            result = c.checkWaits().pending().stream().map(w -> controller.apply(w.resource()))
                    .allMatch(d -> settled(d, controller, memo));
        } else {
            result = false;
        }
        memo.put(c.name, result);
        return result;
    }

    /** Ready (running and healthy), ended, not started, or waiting only on resources nobody started. */
    static boolean done(ResourceController c, Function<String, ResourceController> controller,
            Map<String, Boolean> memo) {
        Boolean known = memo.get(c.name);
        if (known != null) {
            return known;
        }
        String s = c.state();
        boolean result;
        if (RUNNING.equals(s)) {
            result = ResourceSnapshot.HEALTHY.equals(c.health());
        } else if (ResourceStates.isIdle(s)) {
            result = true;
        } else if (WAITING.equals(s)) {
            result = c.checkWaits().pending().stream().map(w -> controller.apply(w.resource()))
                    .allMatch(d -> ResourceStates.isIdle(d.state())
                            || (WAITING.equals(d.state()) && done(d, controller, memo)));
        } else {
            result = false;
        }
        memo.put(c.name, result);
        return result;
    }

    /** {@code webfrontend is waiting for cache: Unhealthy: connection refused}. */
    static String waitingLine(ResourceController c, Function<String, ResourceController> controller) {
        List<String> parts = new ArrayList<>();
        for (ResourceWait w : c.checkWaits().pending()) {
            ResourceController d = controller.apply(w.resource());
            parts.add(d.name + ": " + why(d, w));
        }
        return c.name + " is waiting for " + String.join("; ", parts);
    }

    private static String why(ResourceController d, ResourceWait w) {
        if (RUNNING.equals(d.state())) {
            if (w.kind() == ResourceWait.Kind.COMPLETION) {
                return "Running (it must exit with code " + w.exitCode() + ")";
            }
            if (ResourceSnapshot.UNHEALTHY.equals(d.health())) {
                return "Unhealthy" + (d.healthReason() != null ? ": " + d.healthReason() : "");
            }
            return "Running, no health check result yet";
        }
        if (NOT_STARTED.equals(d.state()) && d.explicitStart()) {
            return "NotStarted (explicit start: run its resource-start command)";
        }
        if (ResourceStates.isIdle(d.state()) && d.stoppedOnRequest()) {
            return d.state() + " (stopped; start it again)";
        }
        return d.state();
    }
}
