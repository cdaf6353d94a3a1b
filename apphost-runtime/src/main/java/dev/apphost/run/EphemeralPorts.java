package dev.apphost.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The system's ephemeral port range (where the kernel picks the local port of outgoing connections
 * and of binds to port 0), and random candidates just below it for ports the AppHost allocates.
 */
final class EphemeralPorts {

    /** How many ports below the ephemeral range candidates are drawn from. */
    static final int WINDOW = 16_384;
    /** No candidate below this: the lower ports are where well-known services live. */
    static final int FLOOR = 10_000;
    /** Linux's default, IANA's range elsewhere (macOS, Windows). */
    private static final int LINUX_DEFAULT_LOW = 32_768;
    private static final int IANA_LOW = 49_152;

    private static final int LOW = readLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

    private EphemeralPorts() {
    }

    /** A random port in [{@link #WINDOW} below the range, its start), or 0 (let the kernel choose) when there is no room. */
    static int candidateBelow() {
        return candidateBelow(LOW);
    }

    static int candidateBelow(int ephemeralLow) {
        int from = Math.max(FLOOR, ephemeralLow - WINDOW);
        if (ephemeralLow - from < 1_000) {
            return 0;
        }
        return ThreadLocalRandom.current().nextInt(from, ephemeralLow);
    }

    /** The first port of the ephemeral range as {@code rangeFile} ({@code "32768\t60999"}) says. */
    static int readLow(Path rangeFile) {
        if (!Files.isReadable(rangeFile)) {
            return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                    ? LINUX_DEFAULT_LOW : IANA_LOW;
        }
        // not Files.readString: on JDK 17 it trusts the size procfs reports and reads one byte
        try (java.io.InputStream in = Files.newInputStream(rangeFile)) {
            String[] parts = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim()
                    .split("\\s+");
            return Integer.parseInt(parts[0]);
        } catch (IOException | RuntimeException e) {
            return LINUX_DEFAULT_LOW;
        }
    }
}
