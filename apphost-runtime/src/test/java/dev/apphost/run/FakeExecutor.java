package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Runs nothing: records starts, stops and requests; resources exit when told. */
final class FakeExecutor implements ResourceExecutor {

    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    final List<String> stopped = Collections.synchronizedList(new ArrayList<>());
    final Map<String, LaunchRequest> requests = new ConcurrentHashMap<>();
    final Map<String, CompletableFuture<Integer>> exits = new ConcurrentHashMap<>();
    final Map<String, String> failOnStart = new ConcurrentHashMap<>();
    final Map<String, Integer> exitImmediately = new ConcurrentHashMap<>();

    @Override
    public boolean supports(ComputeResource resource) {
        return true;
    }

    @Override
    public RunningResource start(ComputeResource resource, LaunchRequest request, LogSink logs)
            throws ResourceStartException {
        String name = resource.name();
        if (failOnStart.containsKey(name)) {
            throw new ResourceStartException(failOnStart.get(name));
        }
        requests.put(name, request);
        started.add(name);
        logs.line(LogLine.Stream.STDOUT, "hello from " + name);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        exits.put(name, exit);
        if (exitImmediately.containsKey(name)) {
            logs.line(LogLine.Stream.STDERR, "dying " + name);
            exit.complete(exitImmediately.get(name));
        }
        return new RunningResource() {
            @Override
            public CompletableFuture<Integer> exit() {
                return exit;
            }

            @Override
            public void stop(Duration grace) {
                stopped.add(name);
                exit.complete(143);
            }
        };
    }
}
