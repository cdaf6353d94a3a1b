package dev.apphost;

import java.util.List;

/**
 * Runs commands on resources: the built-in {@link KnownResourceCommands} and those added with
 * {@code withCommand}. Stopping a resource leaves its dependents running (as Aspire); starting one
 * waits for its {@code waitFor} dependencies to be ready first.
 *
 * <pre>{@code
 * try (var app = builder.build()) {
 *     app.start();
 *     ResourceCommands commands = app.resourceCommands();
 *     commands.commands("api").forEach(c -> System.out.println(c.displayName() + (c.enabled() ? "" : " (disabled)")));
 *     ExecuteCommandResult restarted = commands.executeCommand("api", KnownResourceCommands.RESTART);
 * }
 * }</pre>
 */
public interface ResourceCommands {

    /**
     * Runs {@code commandName} on {@code resourceName} and returns once it is done: a start once the
     * resource runs (or waits for a dependency), a stop once it has ended, a restart once it runs again.
     * Unknown resources, unknown commands and commands not enabled in the current state answer a
     * failure naming the problem; nothing is thrown.
     */
    ExecuteCommandResult executeCommand(String resourceName, String commandName);

    /** The commands of {@code resourceName}, built-in ones first, with whether each is enabled now. */
    List<ResourceCommand> commands(String resourceName);
}
