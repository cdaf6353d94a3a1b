package dev.apphost.run;

import static dev.apphost.KnownResourceStates.RUNNING;

import dev.apphost.ExecuteCommandContext;
import dev.apphost.ExecuteCommandResult;
import dev.apphost.KnownResourceCommands;
import dev.apphost.ResourceCommand;
import dev.apphost.ResourceCommands;
import dev.apphost.ResourceSnapshot;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ResourceCommandSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a resource: the built-in ones ({@link KnownResourceCommands}, run by the
 * {@link ResourceLifecycle}) and its custom ones ({@code withCommand}, run here, on the caller's
 * thread), with whether each is enabled in a given state.
 */
final class ResourceCommandCatalog {

    private static final List<String> BUILT_IN = List.of(KnownResourceCommands.START, KnownResourceCommands.STOP,
            KnownResourceCommands.RESTART);

    private ResourceCommandCatalog() {
    }

    /** Whether {@code name} is a built-in command name (they all start with {@code resource-}). */
    static boolean isBuiltIn(String name) {
        return name.startsWith("resource-");
    }

    /** The commands of {@code resource} in {@code state}; none is enabled while the app does not run. */
    static List<ResourceCommand> list(ComputeResource resource, String state, boolean appRuns) {
        List<ResourceCommand> result = new ArrayList<>();
        result.add(new ResourceCommand(KnownResourceCommands.START, "Start",
                appRuns && ResourceLifecycle.isEnabled(KnownResourceCommands.START, state)));
        result.add(new ResourceCommand(KnownResourceCommands.STOP, "Stop",
                appRuns && ResourceLifecycle.isEnabled(KnownResourceCommands.STOP, state)));
        result.add(new ResourceCommand(KnownResourceCommands.RESTART, "Restart",
                appRuns && ResourceLifecycle.isEnabled(KnownResourceCommands.RESTART, state)));
        for (ResourceCommandSpec c : resource.settings().commands()) {
            result.add(new ResourceCommand(c.name(), c.displayName(), appRuns && RUNNING.equals(state)));
        }
        return result;
    }

    /** Runs custom command {@code commandName}; an exception or a {@code null} answer is a failure. */
    static ExecuteCommandResult executeCustom(ComputeResource resource, String commandName, StateStore store,
            ResourceCommands commands) {
        ResourceCommandSpec spec = resource.settings().commands().stream().filter(c -> c.name().equals(commandName))
                .findFirst().orElse(null);
        if (spec == null) {
            return unknown(resource, commandName);
        }
        String state = store.snapshot(resource.name()).state();
        if (!RUNNING.equals(state)) {
            return ExecuteCommandResult.failure("Command '" + commandName + "' of resource '" + resource.name()
                    + "' is not available while it is " + state + ".");
        }
        ExecuteCommandContext context = new ExecuteCommandContext() {
            @Override
            public String resourceName() {
                return resource.name();
            }

            @Override
            public ResourceSnapshot snapshot() {
                return store.snapshot(resource.name());
            }

            @Override
            public ResourceCommands resourceCommands() {
                return commands;
            }
        };
        try {
            ExecuteCommandResult result = spec.execute().apply(context);
            return result != null ? result
                    : ExecuteCommandResult.failure("Command '" + commandName + "' returned no result.");
        } catch (RuntimeException e) {
            return ExecuteCommandResult.failure("Command '" + commandName + "' of resource '" + resource.name()
                    + "' failed: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    /** The answer to a command the resource does not have, listing those it has. */
    static ExecuteCommandResult unknown(ComputeResource resource, String commandName) {
        List<String> names = new ArrayList<>(BUILT_IN);
        resource.settings().commands().forEach(c -> names.add(c.name()));
        return ExecuteCommandResult.failure("Resource '" + resource.name() + "' has no command '" + commandName
                + "'. Its commands are: " + String.join(", ", names) + ".");
    }
}
