package dev.apphost.maven.fork;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long the AppHost may take to stop, and when the plugin kills it. The AppHost gets a
 * whole-stop budget ({@code AppHost:ShutdownTimeout}, passed as the environment variable
 * {@code AppHost__ShutdownTimeout}) shorter than the plugin's {@code shutdownTimeout} by a margin for
 * the JVM's own exit, so the plugin's SIGKILL only ever meets an AppHost that is stuck.
 *
 * <pre>{@code
 * StopBudget budget = StopBudget.of(Duration.ofSeconds(10), programArguments, environment);
 * budget.runtimeBudget(); // 8 s, passed down
 * budget.killAfter();     // 10 s, SIGKILL after SIGTERM
 * }</pre>
 *
 * When the user sets {@code AppHost:ShutdownTimeout} (program argument or the AppHost JVM's
 * environment), that budget is kept and the kill waits for it plus the margin.
 */
public final class StopBudget {

    /** The runtime's configuration key, and its environment-variable form. */
    public static final String CONFIGURATION_KEY = "AppHost:ShutdownTimeout";
    public static final String ENVIRONMENT_VARIABLE = "AppHost__ShutdownTimeout";

    /** Time the AppHost JVM needs after its resources are stopped: shutdown hooks, exit. */
    static final Duration MIN_MARGIN = Duration.ofSeconds(2);

    private final Duration runtimeBudget;
    private final Duration killAfter;
    private final boolean userSet;

    private StopBudget(Duration runtimeBudget, Duration killAfter, boolean userSet) {
        this.runtimeBudget = runtimeBudget;
        this.killAfter = killAfter;
        this.userSet = userSet;
    }

    /**
     * @param shutdownTimeout the plugin's {@code apphost.shutdownTimeout}
     * @param programArguments the AppHost's arguments ({@code --AppHost:ShutdownTimeout=30} is honoured)
     * @param environment the AppHost JVM's configured environment variables
     */
    public static StopBudget of(Duration shutdownTimeout, List<String> programArguments, Map<String, String> environment) {
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout == null");
        Duration margin = margin(shutdownTimeout);
        Duration user = userBudget(programArguments, environment);
        if (user != null) {
            Duration needed = user.plus(margin(user));
            return new StopBudget(user, needed.compareTo(shutdownTimeout) > 0 ? needed : shutdownTimeout, true);
        }
        Duration budget = shutdownTimeout.minus(margin);
        if (budget.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("apphost.shutdownTimeout=" + shutdownTimeout.toSeconds()
                    + " leaves the AppHost less than 1 s to stop its resources after a " + margin.toSeconds()
                    + " s margin for its own exit; use at least " + MIN_MARGIN.plusSeconds(1).toSeconds() + ".");
        }
        return new StopBudget(budget, shutdownTimeout, false);
    }

    /** A fifth of the timeout, at least {@link #MIN_MARGIN}. */
    static Duration margin(Duration timeout) {
        Duration fifth = timeout.dividedBy(5);
        return fifth.compareTo(MIN_MARGIN) > 0 ? fifth : MIN_MARGIN;
    }

    private static Duration userBudget(List<String> args, Map<String, String> environment) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String key = arg.startsWith("--") ? arg.substring(2) : arg.startsWith("/") ? arg.substring(1) : null;
            if (key == null) {
                continue;
            }
            int eq = key.indexOf('=');
            String name = eq < 0 ? key : key.substring(0, eq);
            if (name.equalsIgnoreCase(CONFIGURATION_KEY) || name.equalsIgnoreCase(ENVIRONMENT_VARIABLE)) {
                value = eq >= 0 ? key.substring(eq + 1) : i + 1 < args.size() ? args.get(i + 1) : null;
            }
        }
        if (value == null && environment != null) {
            for (Map.Entry<String, String> e : environment.entrySet()) {
                if (e.getKey().equalsIgnoreCase(ENVIRONMENT_VARIABLE)) {
                    value = e.getValue();
                }
            }
        }
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            return null; // the AppHost reports the bad value itself
        }
    }

    /** The AppHost's whole-stop budget, passed down as {@code AppHost__ShutdownTimeout}. */
    public Duration runtimeBudget() {
        return runtimeBudget;
    }

    /** When, after SIGTERM, the plugin kills the AppHost. */
    public Duration killAfter() {
        return killAfter;
    }

    /** Whether the budget came from the user's own {@code AppHost:ShutdownTimeout}. */
    public boolean userSet() {
        return userSet;
    }

    /** The value of {@code AppHost__ShutdownTimeout}: seconds, fractional. */
    public String environmentValue() {
        return java.math.BigDecimal.valueOf(runtimeBudget.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
