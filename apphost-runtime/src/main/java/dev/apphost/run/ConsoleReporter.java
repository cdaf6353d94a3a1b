package dev.apphost.run;

import dev.apphost.KnownResourceStates;
import dev.apphost.ResourceSnapshot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the AppHost prints: Aspire's lifecycle lines ({@code Distributed application starting.} …),
 * state changes ({@code [api] Running}), each resource's output prefixed with its name
 * ({@code api | Started in 1.2 s}), the table of resources, and the two lines the Maven plugin's
 * {@code start} goal waits for: {@value #ALL_READY} and {@value #FAILED_PREFIX}{@code <names>}.
 * Colours only on a terminal that wants them.
 */
public final class ConsoleReporter {

    public static final String ALL_READY = "apphost: all resources ready";
    public static final String FAILED_PREFIX = "apphost: resources failed: ";

    private static final String RESET = "\u001b[0m";
    private static final String[] PALETTE = {"\u001b[36m", "\u001b[35m", "\u001b[34m", "\u001b[33m", "\u001b[32m",
            "\u001b[96m", "\u001b[95m", "\u001b[94m"};
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";

    private final PrintStream out;
    private final boolean colour;
    private final Map<String, String> colours = new ConcurrentHashMap<>();

    public ConsoleReporter(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    /** Colours when attached to a terminal, {@code TERM} is not {@code dumb} and {@code NO_COLOR} is unset. */
    public static boolean colourWanted() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null
                && term != null && !term.equals("dumb");
    }

    public void starting(Path appHostDirectory) {
        print("Distributed application starting.");
        print("Application host directory is: " + appHostDirectory);
    }

    public void started() {
        print("Distributed application started. Press Ctrl+C to shut down.");
    }

    public void stopping() {
        print("Distributed application is stopping.");
    }

    public void stopped() {
        print("Distributed application stopped.");
    }

    public void state(ResourceSnapshot s) {
        String text = "[" + s.name() + "] " + s.state();
        if (s.exitCode() != null && !KnownResourceStates.FINISHED.equals(s.state())) {
            text += " (exit code " + s.exitCode() + ")";
        }
        if (s.message() != null) {
            text += ": " + s.message();
        }
        boolean bad = KnownResourceStates.FAILED_TO_START.equals(s.state())
                || KnownResourceStates.EXITED.equals(s.state()) || ResourceStates.VALUE_MISSING.equals(s.state());
        print(colour ? (bad ? RED : colourOf(s.name())) + text + RESET : text);
    }

    public void health(ResourceSnapshot s) {
        String text = "[" + s.name() + "] " + s.health() + (s.healthReason() != null && !s.isHealthy() ? ": "
                + s.healthReason() : "");
        print(colour ? (s.isHealthy() ? GREEN : RED) + text + RESET : text);
    }

    public void log(String resource, LogLine.Stream stream, String text) {
        String prefix = resource + " | ";
        if (colour) {
            print(colourOf(resource) + prefix + RESET + (stream == LogLine.Stream.STDERR ? RED + text + RESET : text));
        } else {
            print(prefix + text);
        }
    }

    /** The resources, their state and URLs. */
    public void table(List<ResourceSnapshot> snapshots) {
        int nameWidth = Math.max(8, snapshots.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        int typeWidth = Math.max(4, snapshots.stream().mapToInt(s -> s.type().length()).max().orElse(0));
        String format = "  %-" + nameWidth + "s  %-" + typeWidth + "s  %-16s %s";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, "Resource", "Type", "State", "URLs").stripTrailing());
        for (ResourceSnapshot s : snapshots) {
            String state = s.state() + (s.health() != null && !s.isHealthy() ? " (" + s.health() + ")" : "");
            sb.append(System.lineSeparator()).append(String.format(Locale.ROOT, format, s.name(), s.type(), state,
                    String.join(", ", s.urls())).stripTrailing());
        }
        print(sb.toString());
    }

    public void allReady() {
        print(ALL_READY);
    }

    public void failed(List<String> names) {
        print(FAILED_PREFIX + String.join(", ", names));
    }

    /** A plain line of the AppHost's own ({@code api is waiting for db: Starting}). */
    public void info(String text) {
        print(text);
    }

    public void warn(String text) {
        print(colour ? RED + text + RESET : text);
    }

    private String colourOf(String resource) {
        return colours.computeIfAbsent(resource, r -> PALETTE[colours.size() % PALETTE.length]);
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
        }
        out.flush();
    }
}
