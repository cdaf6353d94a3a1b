package dev.apphost;

/**
 * What a resource command answered. A custom command returns {@link CommandResults#success()} or
 * {@link #failure(String)} (also {@link CommandResults#failure(String)}).
 *
 * <pre>{@code
 * builder.addProject(Projects.Api.class, "api")
 *        .withCommand("clear-cache", "Clear cache", context -> {
 *            boolean ok = callClearCache(context.resourceName());
 *            return ok ? CommandResults.success() : ExecuteCommandResult.failure("the cache did not answer");
 *        });
 * }</pre>
 *
 * (The factory for a success is {@link CommandResults#success()}, as Aspire's
 * {@code CommandResults.Success()}: Java cannot have a static {@code success()} beside the accessor.)
 *
 * @param success whether the command did what it was asked
 * @param errorMessage why not, or {@code null}
 */
public record ExecuteCommandResult(boolean success, String errorMessage) {

    public static ExecuteCommandResult failure(String message) {
        return new ExecuteCommandResult(false, message);
    }
}
