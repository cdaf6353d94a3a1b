package dev.apphost.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds a resource's output back from the console until its {@code Running} (or failure) line has
 * been printed: the process may write before the lifecycle loop has reported that it runs.
 */
final class ConsoleGate {

    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    /** A new start: hold lines again. */
    synchronized void close() {
        open = false;
    }

    /** Prints what was held, then lets lines through. */
    synchronized void open() {
        open = true;
        held.forEach(Runnable::run);
        held.clear();
    }

    /** Prints now if open, else once opened. */
    synchronized void print(Runnable printLine) {
        if (open) {
            printLine.run();
        } else {
            held.add(printLine);
        }
    }
}
