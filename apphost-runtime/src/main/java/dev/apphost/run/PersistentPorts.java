package dev.apphost.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The host ports allocated to persistent containers, remembered across runs so that a persistent
 * container keeps its port (and so its configuration hash, and so is reused). One properties file,
 * {@code <container name>/<endpoint>=<port>}, shared by the AppHosts of this user: by default
 * {@code ~/.apphost/persistent-ports.properties}, or under the folder named by the system property
 * {@value #DIRECTORY_PROPERTY}. Updates hold a file lock, so AppHosts starting together do not lose
 * each other's ports.
 *
 * <pre>{@code
 * int port = PersistentPorts.standard().port("cache-1a2b3c4d", "tcp", new PortAllocator());
 * }</pre>
 */
public final class PersistentPorts {

    /** System property naming the folder of the file (tests use a temporary one). */
    public static final String DIRECTORY_PROPERTY = "apphost.stateDirectory";

    private final Path file;

    public PersistentPorts(Path file) {
        this.file = file;
    }

    /** The user's file ({@value #DIRECTORY_PROPERTY}, else {@code ~/.apphost}). */
    public static PersistentPorts standard() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        Path folder = directory != null && !directory.isBlank() ? Path.of(directory)
                : Path.of(System.getProperty("user.home"), ".apphost");
        return new PersistentPorts(folder.resolve("persistent-ports.properties"));
    }

    public Path file() {
        return file;
    }

    /**
     * The port remembered for that container's endpoint (reserved in {@code ports}), else a new one
     * from {@code ports}, remembered from now on. When the file cannot be used the port is not
     * remembered, with a warning: the container is then recreated at the next run.
     */
    public synchronized int port(String containerName, String endpoint, PortAllocator ports) {
        String key = containerName + "/" + endpoint;
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                Properties remembered = new Properties();
                InputStream in = Channels.newInputStream(channel);
                remembered.load(in);
                String known = remembered.getProperty(key);
                if (known != null) {
                    int port = Integer.parseInt(known.trim());
                    ports.reserve(port);
                    return port;
                }
                int port = ports.allocate();
                remembered.setProperty(key, Integer.toString(port));
                save(channel, remembered);
                return port;
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("apphost: cannot remember the host port of persistent container " + containerName
                    + " in " + file + " (" + e.getMessage() + "); it gets a new port, and so a new container, next run.");
            return ports.allocate();
        }
    }

    /** Forgets every port of {@code containerName}. */
    public synchronized void forget(String containerName) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Properties remembered = new Properties();
            remembered.load(Channels.newInputStream(channel));
            remembered.stringPropertyNames().stream().filter(k -> k.startsWith(containerName + "/"))
                    .forEach(remembered::remove);
            save(channel, remembered);
        }
    }

    private static void save(FileChannel channel, Properties remembered) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        remembered.store(bytes, "host ports of persistent containers (apphost); delete a line to get a new port");
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(bytes.toByteArray()), 0);
    }
}
