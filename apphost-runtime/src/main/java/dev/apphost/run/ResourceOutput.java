package dev.apphost.run;

import java.util.function.Supplier;

/**
 * Where one resource's output goes, a batch at a time: the log store, the run's log file, and the
 * console once the resource's {@link ConsoleGate} is open (unless {@code AppHost:ConsoleLogs} keeps
 * it off the console).
 */
final class ResourceOutput implements ResourceExecutor.LogSink {

    private final String resource;
    private final ConsoleGate gate;
    private final LogStore logs;
    private final Supplier<ResourceLogFiles> files;
    private final ConsoleReporter console;

    /** {@code files}: the current run's log files, or {@code null} before the first run. */
    ResourceOutput(String resource, ConsoleGate gate, LogStore logs, Supplier<ResourceLogFiles> files,
            ConsoleReporter console) {
        this.resource = resource;
        this.gate = gate;
        this.logs = logs;
        this.files = files;
        this.console = console;
    }

    @Override
    public void line(LogLine.Stream stream, String text) {
        lines(LogBatch.of(stream, text));
    }

    @Override
    public void lines(LogBatch batch) {
        logs.add(resource, batch);
        ResourceLogFiles current = files.get();
        if (current != null) {
            current.lines(resource, batch);
        }
        if (current == null || current.showsOnConsole(resource)) {
            gate.print(batch.retainedBytes(), () -> console.log(resource, batch));
        }
    }
}
