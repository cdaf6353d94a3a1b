package dev.apphost.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Removes what earlier app hosts on this host left behind when they died without cleaning up
 * (machine reboot, a killed process tree, a reaper that was killed too). Call it once at start:
 *
 * <pre>{@code
 * RemovalResult swept = OrphanSweeper.sweep(engine);
 * }</pre>
 *
 * Only resources labelled {@link ResourceLabels#MANAGED} whose owner is proven dead are removed
 * ({@link OwnerLiveness}: its lease free, or its PID gone from this boot and PID namespace);
 * containers first, then networks (a network with containers attached cannot be removed).
 * Anything whose owner cannot be judged is left alone, and persistent resources carry no owner
 * labels, so they are never swept.
 */
public final class OrphanSweeper {
    private OrphanSweeper() {
    }

    public static RemovalResult sweep(ContainerEngine engine) {
        List<ManagedContainer> containers = engine.listContainers(ResourceLabels.managedFilter()).stream()
                .filter(c -> ResourceLabels.ownerIsDead(c.labels())).toList();
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        for (ManagedContainer container : containers) {
            removals.add(CompletableFuture.runAsync(() -> engine.remove(container.id()), DaemonThreads.EXECUTOR));
        }
        CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).join();
        List<ManagedNetwork> networks = engine.listNetworks(ResourceLabels.managedFilter()).stream()
                .filter(n -> ResourceLabels.ownerIsDead(n.labels())).toList();
        for (ManagedNetwork network : networks) {
            engine.removeNetwork(network.id());
        }
        OwnerLease.removeAbandoned(OwnerLease.defaultDirectory());
        return new RemovalResult(containers.size(), networks.size());
    }
}
