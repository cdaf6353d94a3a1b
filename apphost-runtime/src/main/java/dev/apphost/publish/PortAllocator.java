package dev.apphost.publish;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out the ports the manifest gives endpoints that have none, as Aspire's manifest publisher
 * does: counting from 8000, skipping every port already used by an earlier endpoint of the same
 * manifest. One allocator serves a whole manifest, so numbers run on across resources.
 */
final class PortAllocator {

    static final int FIRST_PORT = 8000;

    private int next;
    private final Set<Integer> used = new HashSet<>();

    PortAllocator() {
        this(FIRST_PORT);
    }

    PortAllocator(int firstPort) {
        this.next = firstPort;
    }

    /** The lowest free port from the counter on; it counts as used only once {@link #markUsed} is called. */
    int allocate() {
        while (used.contains(next)) {
            next++;
        }
        return next;
    }

    void markUsed(int port) {
        used.add(port);
    }
}
