package dev.apphost.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last {@code capacity} lines of one resource, kept as the {@link LogBatch}es they arrived in
 * and decoded only when read: a chatty resource costs one deque entry per read, not an object per
 * line. Holds at most {@code capacity} lines plus the older lines of the oldest batch; thread-safe.
 */
final class LogBuffer {

    private final String resource;
    private final int capacity;
    private final ArrayDeque<LogBatch> batches = new ArrayDeque<>();
    /** Lines in {@link #batches}, including the {@link #hidden} ones. */
    private int lines;
    /** Leading lines of the oldest batch that are past the capacity. */
    private int hidden;

    LogBuffer(String resource, int capacity) {
        this.resource = resource;
        this.capacity = Math.max(1, capacity);
    }

    synchronized void add(LogBatch batch) {
        batches.addLast(batch);
        lines += batch.size();
        while (lines - batches.peekFirst().size() >= capacity) {
            lines -= batches.removeFirst().size();
        }
        hidden = Math.max(0, lines - capacity);
    }

    /** All kept lines, oldest first. */
    List<LogLine> snapshot() {
        return last(capacity);
    }

    /** The last {@code count} kept lines, oldest first; only those are decoded. */
    List<LogLine> last(int count) {
        List<LogBatch> copy;
        int skip;
        synchronized (this) {
            copy = new ArrayList<>(batches);
            skip = hidden + Math.max(0, lines - hidden - count);
        }
        List<LogLine> out = new ArrayList<>(Math.min(count, lines));
        Iterator<LogBatch> it = copy.iterator();
        while (it.hasNext()) {
            LogBatch batch = it.next();
            if (skip >= batch.size()) {
                skip -= batch.size();
                continue;
            }
            for (int i = skip; i < batch.size(); i++) {
                out.add(batch.line(resource, i));
            }
            skip = 0;
        }
        return out;
    }

    /** Bytes held by the kept batches. */
    synchronized long retainedBytes() {
        long total = 0;
        for (LogBatch batch : batches) {
            total += batch.retainedBytes();
        }
        return total;
    }
}
