package dev.apphost;

/**
 * What a custom command's function receives: the resource it runs on, and the app's commands and
 * snapshots (a command may, for instance, restart its resource after changing a file).
 *
 * <pre>{@code
 * .withCommand("reload", "Reload config", context -> {
 *     writeConfig();
 *     return context.resourceCommands().executeCommand(context.resourceName(), KnownResourceCommands.RESTART);
 * })
 * }</pre>
 */
public interface ExecuteCommandContext {

    /** The name of the resource the command runs on. */
    String resourceName();

    /** The resource's current snapshot. */
    ResourceSnapshot snapshot();

    /** The app's commands. */
    ResourceCommands resourceCommands();
}
