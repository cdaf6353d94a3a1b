package dev.apphost.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a run of the AppHost ended, for the parent process (the Maven plugin's {@code run} goal) that
 * cannot see the console it shares with the AppHost. Two channels:
 *
 * <ul>
 *   <li>the exit code: {@value #STOPPED_AFTER_FAILURES} when the AppHost was stopped on request
 *       (Ctrl+C, SIGTERM) after one or more resources failed to start or exited on their own with a
 *       non-zero code during the run; a clean stop keeps the JVM's usual code (0, or 130/143 for
 *       SIGINT/SIGTERM); an AppHost whose {@code main} throws exits with 1 as any Java program;
 *   <li>the file {@value #RELATIVE_PATH} of the AppHost module (0600), rewritten at every stop: one
 *       line {@code <resource>\t<what happened>} per failed resource, empty after a clean run.
 * </ul>
 *
 * <pre>{@code
 * List<RunOutcome.Failure> failed = RunOutcome.read(appHostDirectory);   // after the AppHost exited
 * if (exitCode == RunOutcome.STOPPED_AFTER_FAILURES) {
 *     throw new MojoFailureException("Resources failed during the run: " + RunOutcome.describe(failed));
 * }
 * }</pre>
 *
 * Internal to apphost and its Maven plugin.
 */
public final class RunOutcome {

    /** Exit code of an AppHost stopped on request after resources failed during its run. */
    public static final int STOPPED_AFTER_FAILURES = 3;

    /** The outcome file, relative to the AppHost module's directory. */
    public static final String RELATIVE_PATH = "target/apphost/run-outcome.txt";

    /** One resource that failed to start or exited unexpectedly; {@code detail} is one line. */
    public record Failure(String resource, String detail) {
        public Failure {
            Objects.requireNonNull(resource, "resource == null");
            detail = detail == null ? "" : oneLine(detail);
        }

        @Override
        public String toString() {
            return detail.isEmpty() ? resource : resource + " (" + detail + ")";
        }
    }

    private RunOutcome() {
    }

    /** The exit code for a stop on request: {@value #STOPPED_AFTER_FAILURES} if anything failed, else 0. */
    public static int exitCodeAfterStop(List<Failure> failures) {
        return failures.isEmpty() ? 0 : STOPPED_AFTER_FAILURES;
    }

    /** The outcome file of the AppHost module in {@code appHostDirectory}. */
    public static Path file(Path appHostDirectory) {
        return appHostDirectory.resolve(RELATIVE_PATH);
    }

    /** Writes the outcome file of {@code appHostDirectory} (0600), replacing the previous run's. */
    public static void write(Path appHostDirectory, List<Failure> failures) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Failure f : failures) {
            text.append(oneLine(f.resource())).append('\t').append(f.detail()).append('\n');
        }
        PrivateFiles.write(file(appHostDirectory), text.toString());
    }

    /** The failures recorded by the last stop; empty when there is no outcome file. */
    public static List<Failure> read(Path appHostDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(appHostDirectory), StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return List.of();
        }
        List<Failure> failures = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            failures.add(tab < 0 ? new Failure(line.strip(), "")
                    : new Failure(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
        }
        return failures;
    }

    /** {@code cache (FailedToStart: image not found), api (Exited with code 1)}. */
    public static String describe(List<Failure> failures) {
        return String.join(", ", failures.stream().map(Failure::toString).toList());
    }

    private static String oneLine(String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        return first.replace('\t', ' ');
    }
}
