package dev.apphost.run;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array that whole batches of resource lines are appended to, each line as
 * {@code prefix + line + suffix}, then written out in one call. Not thread-safe: its owner locks.
 *
 * <pre>{@code
 * LineBuffer buffer = new LineBuffer(64 * 1024);
 * buffer.appendLines(batch, "api | ".getBytes(), "\n".getBytes());
 * buffer.writeTo(out);   // and empties it
 * }</pre>
 */
final class LineBuffer {

    private byte[] bytes;
    private int size;

    LineBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** Appends every line of {@code batch}, each between {@code prefix} and {@code suffix}. */
    void appendLines(LogBatch batch, byte[] prefix, byte[] suffix) {
        int lines = batch.size();
        reserve(batch.lineBytes() + lines * (prefix.length + suffix.length));
        byte[] to = bytes;
        byte[] from = batch.bytes;
        int[] bounds = batch.bounds;
        int at = size;
        for (int i = 0; i < lines; i++) {
            System.arraycopy(prefix, 0, to, at, prefix.length);
            at += prefix.length;
            int start = bounds[2 * i];
            int length = bounds[2 * i + 1] - start;
            System.arraycopy(from, start, to, at, length);
            at += length;
            System.arraycopy(suffix, 0, to, at, suffix.length);
            at += suffix.length;
        }
        size = at;
    }

    /** Writes what was appended in one call and empties the buffer (even when the write fails). */
    void writeTo(OutputStream out) throws IOException {
        int n = size;
        size = 0;
        out.write(bytes, 0, n);
    }

    private void reserve(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
