package dev.apphost.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds a resource's output back from the console until its {@code Running} (or failure) line has
 * been printed: the process may write before the lifecycle loop has reported that it runs. What is
 * held is bounded: past {@value #MAX_HELD_BYTES} bytes the resource's output waits for the gate to
 * open, as it would wait for a full console.
 */
final class ConsoleGate {

    static final long MAX_HELD_BYTES = 4 * 1024 * 1024;

    private final List<Runnable> held = new ArrayList<>();
    private long heldBytes;
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
        heldBytes = 0;
        notifyAll();
    }

    /** Prints now if open, else once opened; {@code bytes} is about what {@code printLines} holds. */
    synchronized void print(long bytes, Runnable printLines) {
        while (!open && heldBytes > 0 && heldBytes + bytes > MAX_HELD_BYTES) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (open) {
            printLines.run();
        } else {
            held.add(printLines);
            heldBytes += bytes;
        }
    }

    synchronized long heldBytes() {
        return heldBytes;
    }
}
