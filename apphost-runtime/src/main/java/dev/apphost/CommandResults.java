package dev.apphost;

/** Results for custom commands, as Aspire's {@code CommandResults}: {@code return CommandResults.success();}. */
public final class CommandResults {

    private static final ExecuteCommandResult SUCCESS = new ExecuteCommandResult(true, null);

    private CommandResults() {
    }

    public static ExecuteCommandResult success() {
        return SUCCESS;
    }

    public static ExecuteCommandResult failure(String message) {
        return ExecuteCommandResult.failure(message);
    }
}
