package dev.apphost.containers;

import java.nio.file.Path;
import java.util.Map;

/**
 * A stand-in app host for the liveness tests, run as its own process: takes a session lease in
 * {@code args[1]} (unless it is {@code -}), prints its owner labels as {@code key=value} lines and
 * {@code READY}, then lives until its stdin closes.
 */
public final class OwnerLabelsPrinter {

    private OwnerLabelsPrinter() {
    }

    public static void main(String[] args) throws Exception {
        String session = args[0];
        OwnerLease lease = args[1].equals("-") ? null : OwnerLease.acquire(session, Path.of(args[1]));
        Map<String, String> labels = ResourceLabels.forSession(session).build();
        labels.forEach((key, value) -> System.out.println(key + "=" + value));
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes our stdin or kills us
        }
        if (lease != null) {
            lease.close();
        }
    }
}
