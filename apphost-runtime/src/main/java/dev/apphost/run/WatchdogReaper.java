package dev.apphost.run;

import dev.apphost.watchdog.Watchdog;
import java.io.UncheckedIOException;

/**
 * {@link ProcessReaper} over {@link Watchdog}: a small reaper JVM, started through {@code setsid}
 * (its own session, so a Ctrl+C in the terminal reaches only the AppHost, which stops everything
 * in order itself), whose stdin is a pipe only the AppHost holds. When the AppHost dies, however
 * it dies, the pipe closes and the reaper kills the watched process trees and removes the
 * container session's containers and networks.
 */
public final class WatchdogReaper implements ProcessReaper {

    private final Watchdog watchdog;
    private volatile boolean broken;

    private WatchdogReaper(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    /** Starts the watchdog, or returns {@link ProcessReaper#NONE} (with a warning on {@code System.err}) when it cannot. */
    public static ProcessReaper start() {
        try {
            return new WatchdogReaper(Watchdog.start());
        } catch (RuntimeException e) {
            System.err.println("apphost: cannot start the reaper (" + e.getMessage() + "); processes and containers "
                    + "may outlive the AppHost if it is killed.");
            return NONE;
        }
    }

    /** The reaper's process. */
    public long reaperPid() {
        return watchdog.reaperPid();
    }

    @Override
    public void watch(ProcessHandle process) {
        send(() -> watchdog.watchProcess(process));
    }

    @Override
    public void release(ProcessHandle process) {
        send(() -> watchdog.forgetProcess(process));
    }

    @Override
    public void watchContainerSession(String sessionId, String engineHost) {
        send(() -> watchdog.watchContainerSession(sessionId, engineHost));
    }

    @Override
    public void watchContainerSession(String sessionId, java.util.Map<String, String> engineEnvironment) {
        send(() -> watchdog.watchContainerSession(sessionId, engineEnvironment));
    }

    @Override
    public void close() {
        watchdog.close();
    }

    private void send(Runnable command) {
        try {
            command.run();
        } catch (UncheckedIOException e) {
            if (!broken) {
                broken = true;
                System.err.println("apphost: " + e.getMessage());
            }
        }
    }
}
