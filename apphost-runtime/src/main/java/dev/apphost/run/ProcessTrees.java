package dev.apphost.run;

import dev.apphost.watchdog.ProcStat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and everything it started: SIGTERM to all, SIGKILL to the survivors after a
 * grace period. "Everything" is the process's descendants and, when it leads its own process group
 * (as {@link ProcessExecutor} starts resources), every member of that group, so a grandchild that
 * daemonized ({@code (sleep 1000 &)}: re-parented, no longer a descendant) goes too. The group is
 * signalled with one {@code kill(-pgid)} where {@link PosixSpawn} has native access, else member by
 * member from {@code /proc}.
 */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /** Returns once {@code root}, its descendants and its group (as of the call) have exited, or were killed. */
    public static void stop(ProcessHandle root, Duration grace) {
        long group = ProcStat.processGroup(root.pid()) == root.pid() ? root.pid() : -1;
        Map<Long, ProcessHandle> targets = collect(root, group);
        signal(targets, groupStillOurs(root, group) ? group : -1, false); // SIGTERM
        CompletableFuture<?>[] exits = targets.values().stream().map(ProcessHandle::onExit)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!groupStillOurs(root, group) || groupMembers(group).isEmpty()) {
                return;
            }
            // members started during the grace period, or that outlived the signal: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // fall through to SIGKILL
        }
        Map<Long, ProcessHandle> survivors = new LinkedHashMap<>();
        targets.values().stream().filter(ProcessHandle::isAlive).forEach(p -> {
            survivors.putIfAbsent(p.pid(), p);
            p.descendants().forEach(d -> survivors.putIfAbsent(d.pid(), d));
        });
        if (group > 0 && groupStillOurs(root, group)) {
            groupMembers(group).forEach(p -> survivors.putIfAbsent(p.pid(), p));
        }
        if (survivors.isEmpty()) {
            return;
        }
        signal(survivors, groupStillOurs(root, group) ? group : -1, true); // SIGKILL
        try {
            CompletableFuture.allOf(survivors.values().stream().map(ProcessHandle::onExit)
                    .toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // nothing more we can do
        }
    }

    /** Snapshot before signalling: once a parent dies, its children are re-parented and lost from view. */
    private static Map<Long, ProcessHandle> collect(ProcessHandle root, long group) {
        Map<Long, ProcessHandle> targets = new LinkedHashMap<>();
        targets.put(root.pid(), root);
        root.descendants().forEach(d -> targets.putIfAbsent(d.pid(), d));
        if (group > 0) {
            groupMembers(group).forEach(p -> targets.putIfAbsent(p.pid(), p));
        }
        return targets;
    }

    private static void signal(Map<Long, ProcessHandle> targets, long group, boolean kill) {
        if (group > 0) {
            PosixSpawn.signalGroup(group, kill ? PosixSpawn.SIGKILL : PosixSpawn.SIGTERM);
        }
        // also one by one: descendants outside the group, and no native access
        targets.values().forEach(kill ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
    }

    /**
     * Whether process group {@code group} is still the one {@code root} led: the kernel does not
     * reuse a pid as long as a group of that id has members, so the id is ours unless a different
     * process (another start time) now has the leader's pid.
     */
    private static boolean groupStillOurs(ProcessHandle root, long group) {
        return group > 0 && ProcessHandle.of(group).map(root::equals).orElse(true);
    }

    /** Linux: the live members of process group {@code group}, its leader included. */
    static List<ProcessHandle> groupMembers(long group) {
        List<ProcessHandle> members = new ArrayList<>();
        ProcessHandle.allProcesses().filter(p -> ProcStat.processGroup(p.pid()) == group).forEach(members::add);
        return members;
    }
}
