package dev.apphost.run;

import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.run.proxy.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The processes of one resource behind its proxies: every replica of a resource with
 * {@code withReplicas}, or the single process of a resource with proxied endpoints. The proxies
 * forward to the target ports of the replicas that run; a replica that exits leaves the rotation.
 * It has exited once every replica has (with the first non-zero exit code, else 0); {@link #stop}
 * stops them all in parallel and leaves the proxies open, holding new connections, for the next start.
 */
final class ReplicaSet implements RunningResource {

    private final List<RunningResource> replicas;
    private final Map<TcpProxy, String> proxies;
    private final List<LaunchRequest> requests;
    private final boolean[] running;
    /** Set by {@link #stop}: from then on the proxies belong to the next start, not to this set. */
    private boolean stopping;
    private final CompletableFuture<Integer> exit;

    /**
     * @param proxies each proxy with the name of the endpoint it fronts
     * @param requests the launch request of each replica, in the order of {@code replicas}
     */
    ReplicaSet(List<RunningResource> replicas, Map<TcpProxy, String> proxies, List<LaunchRequest> requests) {
        this.replicas = List.copyOf(replicas);
        this.proxies = proxies;
        this.requests = List.copyOf(requests);
        this.running = new boolean[replicas.size()];
        java.util.Arrays.fill(running, true);
        routeToRunning();
        List<CompletableFuture<Integer>> exits = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            int index = i;
            exits.add(replicas.get(i).exit().whenComplete((code, e) -> {
                synchronized (this) {
                    running[index] = false;
                    routeToRunning();
                }
            }));
        }
        this.exit = CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).thenApply(v -> exits.stream()
                .map(f -> f.getNow(-1)).map(code -> code == null ? -1 : code).filter(code -> code != 0)
                .findFirst().orElse(0));
    }

    /** Points every proxy at the target ports of the replicas that run (none once stopping). */
    private synchronized void routeToRunning() {
        if (stopping) {
            return;
        }
        proxies.forEach((proxy, endpoint) -> {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                if (running[i]) {
                    requests.get(i).endpoints().stream().filter(e -> e.endpoint().equals(endpoint))
                            .map(AllocatedEndpoint::targetPort).findFirst().ifPresent(ports::add);
                }
            }
            proxy.targets(ports);
        });
    }

    @Override
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public void stop(Duration grace) {
        synchronized (this) {
            // new connections wait in the proxies from now on; the next start points them at its replicas
            proxies.keySet().forEach(proxy -> proxy.targets(List.of()));
            stopping = true;
        }
        CompletableFuture.allOf(replicas.stream()
                .map(r -> CompletableFuture.runAsync(() -> r.stop(grace), DAEMONS))
                .toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public List<ProcessHandle> processes() {
        return replicas.stream().flatMap(r -> r.processes().stream()).toList();
    }

    /** The first replica's pid (every pid is in {@link #processes()}). */
    @Override
    public Long pid() {
        return replicas.get(0).pid();
    }

    private static final java.util.concurrent.Executor DAEMONS = task -> {
        Thread t = new Thread(task, "apphost-stop-replica");
        t.setDaemon(true);
        t.start();
    };
}
