package dev.apphost.testing;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationException;
import dev.apphost.KnownResourceStates;
import dev.apphost.ResourceSnapshot;
import dev.apphost.model.ComputeResource;
import dev.apphost.run.LogLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/** An app the extension started; closed by the JUnit store that holds it. */
final class StartedApp implements ExtensionContext.Store.CloseableResource {

    private static final long POLL_MILLIS = 20;

    private final DistributedApplication app;

    private StartedApp(DistributedApplication app) {
        this.app = app;
    }

    DistributedApplication app() {
        return app;
    }

    /** Starts {@code app}; on any failure closes it and throws with what each resource said. */
    static StartedApp start(DistributedApplication app, boolean waitForResources, Duration timeout) {
        StartedApp started = new StartedApp(app);
        try {
            app.start();
            if (waitForResources) {
                started.awaitReady(timeout);
            }
            return started;
        } catch (RuntimeException | Error e) {
            String output = started.recentOutput(30);
            try {
                app.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            if (e instanceof DistributedApplicationException && !output.isEmpty()) {
                throw new DistributedApplicationException(e.getMessage() + System.lineSeparator() + output, e);
            }
            throw e;
        }
    }

    /**
     * Blocks until every compute resource is running and healthy, or finished; resources with an
     * explicit start are left to the test.
     */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> names = app.model().computeResources().stream()
                .filter(r -> !r.settings().explicitStart()).map(ComputeResource::name).toList();
        while (true) {
            List<String> pending = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (String name : names) {
                ResourceSnapshot s = app.resourceSnapshot(name);
                if (KnownResourceStates.FINISHED.equals(s.state())
                        || (KnownResourceStates.RUNNING.equals(s.state()) && s.isHealthy())) {
                    continue;
                }
                if (KnownResourceStates.FAILED_TO_START.equals(s.state()) || KnownResourceStates.EXITED.equals(s.state())) {
                    failed.add(describe(s));
                } else {
                    pending.add(describe(s));
                }
            }
            if (!failed.isEmpty()) {
                throw new DistributedApplicationException("The app did not start: " + String.join("; ", failed));
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new DistributedApplicationException("The app was not ready after " + timeout.toSeconds()
                        + " s: " + String.join("; ", pending));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DistributedApplicationException("Interrupted while waiting for the app to start.", e);
            }
        }
    }

    private static String describe(ResourceSnapshot s) {
        return "'" + s.name() + "' is " + s.state() + (s.health() != null ? " (" + s.health() + ")" : "")
                + (s.message() != null ? ": " + s.message() : "");
    }

    /** The last {@code lines} lines of each compute resource's output, one block per resource. */
    String recentOutput(int lines) {
        StringBuilder report = new StringBuilder();
        for (ComputeResource r : app.model().computeResources()) {
            List<LogLine> all;
            try {
                all = app.resourceLogs().lines(r.name());
            } catch (RuntimeException e) {
                continue;
            }
            if (all.isEmpty()) {
                continue;
            }
            report.append("---- ").append(r.name()).append(" (last ").append(Math.min(lines, all.size()))
                    .append(" lines) ----").append(System.lineSeparator());
            for (LogLine line : all.subList(Math.max(0, all.size() - lines), all.size())) {
                report.append(line.stream() == LogLine.Stream.STDERR ? "! " : "  ").append(line.text())
                        .append(System.lineSeparator());
            }
        }
        return report.toString();
    }

    @Override
    public void close() {
        app.close();
    }
}
