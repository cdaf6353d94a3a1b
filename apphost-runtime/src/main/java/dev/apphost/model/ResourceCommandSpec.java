package dev.apphost.model;

import dev.apphost.ExecuteCommandContext;
import dev.apphost.ExecuteCommandResult;
import java.util.function.Function;

/** A custom command of a resource ({@code withCommand}). */
public record ResourceCommandSpec(String name, String displayName,
        Function<ExecuteCommandContext, ExecuteCommandResult> execute) {
}
