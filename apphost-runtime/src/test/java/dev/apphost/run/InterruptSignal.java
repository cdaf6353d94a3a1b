package dev.apphost.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The signal tests send for "Ctrl+C": SIGINT, unless this JVM was started with SIGINT ignored (a
 * background job of a non-interactive shell is), in which case every child inherits the ignored
 * SIGINT, the JVM keeps it ignored, and only SIGTERM can ask a forked AppHost to stop.
 */
final class InterruptSignal {

    private InterruptSignal() {
    }

    /** {@code INT}, or {@code TERM} where SIGINT is ignored here. */
    static String name() {
        return sigintIgnored() ? "TERM" : "INT";
    }

    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
                }
            }
        } catch (Exception notLinux) {
            // assume the default disposition
        }
        return false;
    }
}
