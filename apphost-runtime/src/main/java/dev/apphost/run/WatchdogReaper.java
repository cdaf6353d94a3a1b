package dev.apphost.run;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineLocator;
import dev.apphost.containers.RemovalResult;
import dev.apphost.containers.ResourceLabels;
import dev.apphost.watchdog.SessionFile;
import dev.apphost.watchdog.Watchdog;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ProcessReaper} over {@link Watchdog}, with two nets under it.
 * <ol>
 *   <li>The reaper: a small JVM, started through {@code setsid} (its own session, so a Ctrl+C in
 *       the terminal reaches only the AppHost, which stops everything in order itself), whose stdin
 *       is a pipe only the AppHost holds. When the AppHost dies, however it dies, the pipe closes
 *       and the reaper kills the watched process groups and removes the container session's
 *       containers and networks. If the reaper itself dies while the AppHost runs, that is noticed
 *       at once (its exit), reported, and a new reaper is started and told everything still watched.</li>
 *   <li>The session file ({@link SessionFile}, {@code ~/.apphost/sessions}): every watched process
 *       group and container session is also recorded there, and the file is deleted at a normal
 *       end. When the AppHost and its reaper were both killed, the next AppHost to start, whatever
 *       its model, kills what is left of those groups before it starts anything, and removes those
 *       container sessions in the background.</li>
 * </ol>
 */
public final class WatchdogReaper implements ProcessReaper {

    /** How many times a dead reaper is replaced before the AppHost runs without one (a crash loop). */
    static final int MAX_RESTARTS = 5;

    private final Path reaperLog;
    private final Optional<SessionFile> session;
    private final Map<Long, ProcessHandle> processes = new ConcurrentHashMap<>();
    /** Container session id to the environment that reaches its engine (empty: the reaper's own). */
    private final Map<String, Map<String, String>> containerSessions = new ConcurrentHashMap<>();
    private volatile Watchdog watchdog;
    private volatile boolean closed;
    private volatile boolean broken;
    private int restarts;

    private WatchdogReaper(Watchdog watchdog, Optional<SessionFile> session, Path reaperLog) {
        this.watchdog = watchdog;
        this.session = session;
        this.reaperLog = reaperLog;
        watchForDeath(watchdog);
    }

    /**
     * Sweeps what AppHosts killed together with their reaper left ({@link SessionFile#sweep}), then
     * starts the watchdog; returns {@link ProcessReaper#NONE} (with a warning on {@code System.err})
     * when it cannot.
     */
    public static ProcessReaper start() {
        return start(SessionFile.directory());
    }

    static ProcessReaper start(Path sessions) {
        sweepLeftovers(sessions);
        try {
            return new WatchdogReaper(Watchdog.start(), SessionFile.create(sessions), null);
        } catch (RuntimeException e) {
            System.err.println("apphost: cannot start the reaper (" + e.getMessage() + "); processes and containers "
                    + "may outlive the AppHost if it is killed.");
            return NONE;
        }
    }

    /** Kills leftover process groups now; removes leftover container sessions on a daemon thread. */
    static SessionFile.Swept sweepLeftovers(Path sessions) {
        SessionFile.Swept swept = SessionFile.sweep(sessions);
        if (swept.processesKilled() > 0) {
            System.err.println("apphost: stopped " + swept.processesKilled() + " processes left by AppHosts that were"
                    + " killed together with their reaper.");
        }
        if (!swept.containerSessions().isEmpty()) {
            Thread t = new Thread(() -> removeContainerSessions(swept.containerSessions()), "apphost-session-sweep");
            t.setDaemon(true);
            t.start();
        }
        return swept;
    }

    private static void removeContainerSessions(Map<String, String> sessions) {
        Map<String, ContainerEngine> engines = new HashMap<>();
        sessions.forEach((id, host) -> {
            try {
                ContainerEngine engine = engines.computeIfAbsent(host, h -> {
                    Map<String, String> env = new LinkedHashMap<>(System.getenv());
                    if (!h.isEmpty()) {
                        env.put("DOCKER_HOST", h);
                    }
                    return new ContainerEngineLocator(env).connect();
                });
                RemovalResult removed = engine.removeAll(ResourceLabels.sessionFilter(id));
                if (removed.containers() + removed.networks() > 0) {
                    System.err.println("apphost: removed " + removed.containers() + " containers and "
                            + removed.networks() + " networks left by a killed AppHost (session " + id + ").");
                }
            } catch (RuntimeException e) {
                // no engine now: the orphan sweep of a later run with containers catches them
            }
        });
    }

    /** The current reaper's process. */
    public long reaperPid() {
        return watchdog.reaperPid();
    }

    @Override
    public synchronized void watch(ProcessHandle process) {
        processes.put(process.pid(), process);
        session.ifPresent(s -> s.recordGroup(process));
        send(w -> w.watchProcess(process));
    }

    @Override
    public synchronized void release(ProcessHandle process) {
        processes.remove(process.pid());
        send(w -> w.forgetProcess(process));
    }

    @Override
    public void watchContainerSession(String sessionId, String engineHost) {
        watchContainerSession(sessionId, engineHost == null || engineHost.isBlank() ? Map.of()
                : Map.of("DOCKER_HOST", engineHost));
    }

    @Override
    public synchronized void watchContainerSession(String sessionId, Map<String, String> engineEnvironment) {
        Map<String, String> environment = Map.copyOf(engineEnvironment);
        containerSessions.put(sessionId, environment);
        session.ifPresent(s -> s.recordContainerSession(sessionId, environment.get("DOCKER_HOST")));
        send(w -> w.watchContainerSession(sessionId, environment));
    }

    @Override
    public void close() {
        closed = true;
        watchdog.close();
        session.ifPresent(SessionFile::close);
    }

    private void watchForDeath(Watchdog current) {
        current.onReaperExit().thenAccept(code -> {
            if (!closed && current == watchdog) {
                restart(current, code);
            }
        });
    }

    private synchronized void restart(Watchdog dead, int exitCode) {
        if (closed || dead != watchdog) {
            return;
        }
        if (++restarts > MAX_RESTARTS) {
            System.err.println("apphost: the reaper (pid " + dead.reaperPid() + ") died " + restarts
                    + " times; running without it. The session file still lets the next start clean up.");
            return;
        }
        Watchdog replacement;
        try {
            replacement = Watchdog.start(reaperLog);
        } catch (RuntimeException e) {
            System.err.println("apphost: the reaper (pid " + dead.reaperPid() + ") died and cannot be restarted: "
                    + e.getMessage());
            return;
        }
        processes.values().removeIf(p -> !p.isAlive());
        processes.values().forEach(replacement::watchProcess);
        containerSessions.forEach(replacement::watchContainerSession);
        watchdog = replacement;
        broken = false;
        System.err.println("apphost: the reaper (pid " + dead.reaperPid() + ") died (exit code " + exitCode
                + "); started a new one (pid "
                + replacement.reaperPid() + ").");
        watchForDeath(replacement);
    }

    private void send(java.util.function.Consumer<Watchdog> command) {
        try {
            command.accept(watchdog);
        } catch (UncheckedIOException e) {
            if (!broken) {
                broken = true;
                System.err.println("apphost: " + e.getMessage());
            }
        }
    }
}
