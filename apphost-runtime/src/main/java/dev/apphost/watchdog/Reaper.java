package dev.apphost.watchdog;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineLocator;
import dev.apphost.containers.RemovalResult;
import dev.apphost.containers.ResourceLabels;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reaper process behind {@link Watchdog}: a small JVM, detached with {@code setsid}, whose
 * stdin is a pipe from the app host. It reads commands, one per line:
 * <pre>
 * pid &lt;pid&gt; &lt;start-epoch-millis&gt;          watch a host process tree
 * forget-pid &lt;pid&gt;                        it ended normally: do not touch it
 * container-session &lt;id&gt; [&lt;engine-uri&gt; [KEY=value...]]  remove this session's containers and networks
 *                                        (engine URI and values URL-encoded; KEY = DOCKER_TLS_VERIFY, DOCKER_CERT_PATH)
 * </pre>
 * When stdin reaches EOF, which the kernel guarantees when the app host dies for any reason,
 * SIGKILL included, or when the owner PID given as {@code --owner-pid} disappears, it
 * <ol>
 *   <li>sends SIGTERM to every watched process and its descendants (only if the PID still has
 *       the recorded start time, so a reused PID is never hit), then SIGKILL after 2 s;</li>
 *   <li>in parallel, removes every container and then every network labelled with a watched
 *       session (through docker-java, the same code and engine discovery as the app host);</li>
 *   <li>exits.</li>
 * </ol>
 *
 * <p><b>Why a JVM and not a {@code /bin/sh} script with the docker CLI.</b> Measured on the
 * 2-core machine under heavy load from other builds (load average 9–22; see
 * {@code bench/README-containers.md}): this JVM, with the flags {@link Watchdog} uses, starts and
 * exits in 0.4–0.8 s wall, 0.16 s of CPU and 35 MB RSS; the shell reaper idles at ~1 MB and its
 * docker-CLI cleanup call costs 0.12–0.15 s. The JVM's cost is paid once, in the background,
 * while the app host starts its resources; what matters at crash time is reaction, and both
 * react at once to the pipe closing (the test measured 1.3–1.5 s from SIGKILL to 2 containers,
 * 1 network and a 3-process tree gone, under that load). In exchange the JVM needs no docker CLI
 * (Podman hosts, {@code DOCKER_HOST} and unix-socket quirks are handled by the same
 * {@link ContainerEngineLocator}), kills process <em>trees</em> portably through
 * {@link ProcessHandle#descendants()}, and is tested like the rest of the code.
 */
public final class Reaper {
    /** Grace period between SIGTERM and SIGKILL for watched processes. */
    static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final Map<Long, Long> processes = new ConcurrentHashMap<>(); // pid -> start epoch millis (0 = unknown)
    private final Map<String, String> sessions = new ConcurrentHashMap<>(); // session id -> engine spec ("" = locate)
    private final Map<String, CompletableFuture<ContainerEngine>> engines = new ConcurrentHashMap<>();
    private final AtomicBoolean reapStarted = new AtomicBoolean();
    /** The owner's process group when the owner leads it, else -1: its members are ours once it is dead. */
    private volatile long ownerGroup = -1;
    private final CompletableFuture<Void> reaped = new CompletableFuture<>();

    public static void main(String[] args) throws Exception {
        ignoreTerminalSignals();
        long ownerPid = -1;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--owner-pid")) {
                ownerPid = Long.parseLong(args[i + 1]);
            }
        }
        Reaper reaper = new Reaper();
        if (ownerPid > 0 && ProcStat.processGroup(ownerPid) == ownerPid) {
            reaper.ownerGroup = ownerPid; // the owner's children share its group (see ProcessExecutor)
        }
        if (ownerPid > 0) {
            // Belt and braces next to the pipe: if the owner dies but the pipe somehow stays open.
            // The owner may already be dead when we start (we are a JVM too, and slow on a loaded
            // machine): give stdin a moment to deliver the commands buffered in the pipe first.
            ProcessHandle.of(ownerPid).map(ProcessHandle::onExit)
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenRunAsync(reaper::reapAndExit, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                reaper.command(line.trim());
            }
        } catch (Exception e) {
            log("stdin failed (" + e + "); reaping");
        }
        reaper.reapAndExit();
    }

    /** A Ctrl-C or hang-up aimed at the app host's terminal must not take the reaper along. */
    private static void ignoreTerminalSignals() {
        for (String name : List.of("INT", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (Throwable ignored) {
                // not supported on this platform; setsid already detaches us from the terminal
            }
        }
    }

    void command(String line) {
        String[] words = line.split("\\s+");
        try {
            switch (words[0]) {
                case "pid":
                    processes.put(Long.parseLong(words[1]), words.length > 2 ? Long.parseLong(words[2]) : 0L);
                    break;
                case "forget-pid":
                    processes.remove(Long.parseLong(words[1]));
                    break;
                case "container-session":
                    String host = words.length > 2 ? String.join(" ", java.util.Arrays.copyOfRange(words, 2, words.length)) : "";
                    sessions.put(words[1], host);
                    // Connect now, so that at crash time only the removals are left to do.
                    engines.computeIfAbsent(host, h -> CompletableFuture.supplyAsync(() -> connect(h)));
                    break;
                case "":
                    break;
                default:
                    log("ignoring unknown command: " + line);
            }
        } catch (RuntimeException e) {
            log("ignoring malformed command '" + line + "': " + e);
        }
    }

    private static ContainerEngine connect(String engineSpec) {
        return new ContainerEngineLocator(engineEnvironment(System.getenv(), engineSpec)).connect();
    }

    /**
     * The environment the reaper locates the engine with: its own, overridden by the session's
     * engine spec ({@code <engine-uri> KEY=value...}, URL-encoded), so the reaper reaches the very
     * engine, with the same TLS settings, that the app host used.
     */
    static Map<String, String> engineEnvironment(Map<String, String> own, String engineSpec) {
        Map<String, String> env = new HashMap<>(own);
        String[] words = engineSpec.isBlank() ? new String[0] : engineSpec.trim().split("\\s+");
        if (words.length > 0) {
            env.put("DOCKER_HOST", java.net.URLDecoder.decode(words[0], StandardCharsets.UTF_8));
            // Only what the app host says: a DOCKER_TLS_VERIFY of the reaper's own would not be the engine's.
            env.remove("DOCKER_TLS_VERIFY");
            env.remove("DOCKER_CERT_PATH");
        }
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                env.put(words[i].substring(0, eq), java.net.URLDecoder.decode(words[i].substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return env;
    }

    void reapAndExit() {
        reap();
        System.exit(0);
    }

    /**
     * Kills the watched process trees and removes the watched sessions' resources, once. Both
     * triggers (stdin EOF and owner exit) usually fire together: the second caller waits for the
     * first to finish instead of exiting under it.
     */
    void reap() {
        if (!reapStarted.compareAndSet(false, true)) {
            reaped.join();
            return;
        }
        try {
            CompletableFuture<Void> containers = CompletableFuture.runAsync(this::removeSessions);
            killProcesses();
            containers.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log("container cleanup failed: " + e);
        } finally {
            reaped.complete(null);
        }
    }

    private void removeSessions() {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        sessions.forEach((session, host) -> work.add(CompletableFuture.runAsync(() -> {
            try {
                ContainerEngine engine = engines.computeIfAbsent(host, h -> CompletableFuture.supplyAsync(() -> connect(h))).join();
                RemovalResult removed = engine.removeAll(ResourceLabels.sessionFilter(session));
                log("session " + session + ": removed " + removed.containers() + " containers, "
                        + removed.networks() + " networks");
            } catch (RuntimeException e) {
                log("session " + session + ": cleanup failed: " + e);
            }
        })));
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
    }

    private void killProcesses() {
        Map<Long, ProcessHandle> targets = new LinkedHashMap<>();
        List<Long> roots = new ArrayList<>();
        processes.forEach((pid, start) -> ProcessHandle.of(pid)
                .filter(p -> p.isAlive() && sameStart(p, start))
                .ifPresent(root -> {
                    roots.add(root.pid());
                    collectTree(root, targets);
                    collectGroup(root.pid(), targets);
                }));
        boolean ownerGroupIsOurs = ownerGroup > 0 && ProcessHandle.of(ownerGroup).map(p -> !p.isAlive()).orElse(true);
        if (ownerGroupIsOurs) {
            // a dead owner that led its group: what is left in it (children, daemonized grandchildren) is ours
            collectGroupMembers(ownerGroup, targets);
        }
        if (targets.isEmpty()) {
            return;
        }
        targets.values().forEach(ProcessHandle::destroy); // SIGTERM
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        for (ProcessHandle p : targets.values()) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                break; // grace is over for everyone
            }
        }
        // Children started during the grace period count too.
        Map<Long, ProcessHandle> survivors = new LinkedHashMap<>();
        targets.values().stream().filter(ProcessHandle::isAlive).forEach(p -> collectTree(p, survivors));
        roots.forEach(pid -> collectGroup(pid, survivors)); // the kernel keeps a pid unused while its group lives
        if (ownerGroupIsOurs) {
            collectGroupMembers(ownerGroup, survivors);
        }
        survivors.values().removeIf(p -> !p.isAlive());
        survivors.values().forEach(ProcessHandle::destroyForcibly); // SIGKILL
        log("killed " + targets.size() + " processes (" + survivors.size() + " needed SIGKILL)");
    }

    /** Snapshot the tree before killing: once a parent dies, its children are re-parented and lost from view. */
    private static void collectTree(ProcessHandle root, Map<Long, ProcessHandle> into) {
        into.putIfAbsent(root.pid(), root);
        root.descendants().forEach(d -> into.putIfAbsent(d.pid(), d));
    }

    /**
     * Linux: the members of the process group that {@code leader} leads. The app host starts each
     * process in a session of its own ({@code posix_spawn} with {@code POSIX_SPAWN_SETSID}, or the
     * {@code setsid} program), so it leads its own group; a grandchild that daemonized (its parent
     * exited) is no longer a descendant, but it is still in that group.
     */
    private static void collectGroup(long leader, Map<Long, ProcessHandle> into) {
        if (ProcStat.processGroup(leader) != leader) {
            return; // not a group leader (no setsid, or not Linux): the group is not ours
        }
        collectGroupMembers(leader, into);
    }

    private static void collectGroupMembers(long group, Map<Long, ProcessHandle> into) {
        ProcessHandle.allProcesses().filter(p -> p.pid() != group && ProcStat.processGroup(p.pid()) == group)
                .forEach(p -> into.putIfAbsent(p.pid(), p));
    }


    /**
     * Whether {@code process} is the one recorded: the JDK derives the start time from the kernel's
     * boot time and the process's start in clock ticks (10 ms), the same figures in every JVM. A wider
     * tolerance would let a pid reused within it pass for the old process.
     */
    static boolean sameStart(ProcessHandle process, long recordedStartMillis) {
        if (recordedStartMillis <= 0) {
            return true;
        }
        Optional<Instant> start = process.info().startInstant();
        return start.map(s -> Math.abs(s.toEpochMilli() - recordedStartMillis) <= START_TOLERANCE_MILLIS).orElse(true);
    }

    /** One clock tick, for rounding. */
    static final long START_TOLERANCE_MILLIS = 10;

    private static void log(String message) {
        System.err.println("[apphost-reaper " + ProcessHandle.current().pid() + "] " + message);
    }
}
