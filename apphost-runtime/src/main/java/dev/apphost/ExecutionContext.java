package dev.apphost;

/**
 * Whether the AppHost runs the application or publishes its manifest. Publish mode is chosen by
 * {@code --publisher <name>} on the command line ({@code --publisher manifest --output-path FILE}).
 *
 * <pre>{@code
 * var redis = builder.executionContext().isRunMode()
 *         ? builder.addRedis("redis")
 *         : builder.addConnectionString("redis");
 * }</pre>
 */
public final class ExecutionContext {

    /** What the AppHost was asked to do. */
    public enum Operation { RUN, PUBLISH }

    private final Operation operation;
    private final String publisherName;

    private ExecutionContext(Operation operation, String publisherName) {
        this.operation = operation;
        this.publisherName = publisherName;
    }

    public static ExecutionContext run() {
        return new ExecutionContext(Operation.RUN, null);
    }

    public static ExecutionContext publish(String publisherName) {
        return new ExecutionContext(Operation.PUBLISH, publisherName);
    }

    static ExecutionContext from(Configuration configuration) {
        String publisher = configuration.get(Configuration.PUBLISHER_KEY);
        return publisher == null || publisher.isBlank() ? run() : publish(publisher);
    }

    public boolean isRunMode() {
        return operation == Operation.RUN;
    }

    public boolean isPublishMode() {
        return operation == Operation.PUBLISH;
    }

    public Operation operation() {
        return operation;
    }

    /** The publisher named by {@code --publisher}, or {@code null} in run mode. */
    public String publisherName() {
        return publisherName;
    }

    @Override
    public String toString() {
        return isRunMode() ? "Run" : "Publish(" + publisherName + ")";
    }
}
