package dev.apphost.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines the AppHost prints on standard output so that a parent process (the Maven plugin's
 * {@code start} goal) can tell when the application is up. Each is one whole line:
 *
 * <ul>
 *   <li>{@value #READY} once every resource is Running (and healthy, when it has health checks);
 *   <li>{@value #FAILED_PREFIX}{@code <name>, <name>} when resources failed to start;
 *   <li>{@value #STATE_PREFIX}{@code <name> <State>} whenever a resource changes state (optional;
 *       used to name the resources that are not ready on timeout).
 * </ul>
 */
public final class StatusLines {

    /** Printed once, when every resource is ready. */
    public static final String READY = "apphost: all resources ready";

    /** Followed by the comma-separated names of the resources that failed. */
    public static final String FAILED_PREFIX = "apphost: resources failed: ";

    /** Followed by {@code <name> <State>}, for instance {@code apphost: resource cache Running}. */
    public static final String STATE_PREFIX = "apphost: resource ";

    /** Aspire's {@code KnownResourceStates}. */
    public static final List<String> STATES = List.of("NotStarted", "Waiting", "Starting", "Running",
            "RuntimeUnhealthy", "FailedToStart", "Exited", "Finished", "Stopping");

    private static final Pattern CONSOLE_STATE = Pattern.compile(
            "\\[([A-Za-z][A-Za-z0-9-]*)\\] (" + String.join("|", STATES) + ")(\\W.*)?");

    private StatusLines() {
    }

    /** The "failed" line for these resources. */
    public static String failed(List<String> names) {
        return FAILED_PREFIX + String.join(", ", names);
    }

    /** The state line of one resource; the state is one of {@code KnownResourceStates}. */
    public static String state(String name, String state) {
        return STATE_PREFIX + name + " " + state;
    }

    public static boolean isReady(String line) {
        return line.strip().equals(READY);
    }

    /** The failed resources, if this is a "failed" line. */
    public static Optional<List<String>> parseFailed(String line) {
        String stripped = line.strip();
        if (!stripped.startsWith(FAILED_PREFIX)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String name : Arrays.asList(stripped.substring(FAILED_PREFIX.length()).split(","))) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return Optional.of(names);
    }

    /**
     * {@code [name, state]}, if this is a state line: {@code apphost: resource <name> <State>}, or
     * the console's {@code [<name>] <State>[ (exit code n)][: message]} with one of the
     * {@link #STATES}.
     */
    public static Optional<String[]> parseState(String line) {
        String stripped = line.strip();
        Matcher console = CONSOLE_STATE.matcher(stripped);
        if (console.matches()) {
            return Optional.of(new String[] {console.group(1), console.group(2)});
        }
        if (!stripped.startsWith(STATE_PREFIX)) {
            return Optional.empty();
        }
        String rest = stripped.substring(STATE_PREFIX.length()).strip();
        int space = rest.lastIndexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {rest.substring(0, space).strip(), rest.substring(space + 1)});
    }
}
