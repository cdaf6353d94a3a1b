package dev.apphost.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} lines of one resource; thread-safe. */
final class LogBuffer {

    private final int capacity;
    private final ArrayDeque<LogLine> lines;

    LogBuffer(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.lines = new ArrayDeque<>(Math.min(this.capacity, 256));
    }

    synchronized void add(LogLine line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<LogLine> snapshot() {
        return new ArrayList<>(lines);
    }
}
