package dev.apphost;

import dev.apphost.launch.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * Per-user, per-AppHost values kept outside the repository, like .NET user secrets: generated
 * passwords live here so they stay the same across runs of the same AppHost. The file is
 * {@code ~/.apphost/secrets/<id>.properties} (override the folder with {@code APPHOST_SECRETS_DIR}),
 * {@code <id>} derived from the AppHost's folder, readable by the owner only (the file 0600, the
 * folders {@code ~/.apphost} and {@code secrets} 0700, tightened when found looser).
 */
public final class UserSecrets {

    private final Path file;

    UserSecrets(Path file) {
        this.file = file;
    }

    /** The store of the AppHost in {@code appHostDirectory}. */
    public static UserSecrets forAppHost(Path appHostDirectory) {
        String dir = System.getenv("APPHOST_SECRETS_DIR");
        Path root;
        if (dir != null && !dir.isBlank()) {
            root = Path.of(dir);
        } else {
            Path home = Path.of(System.getProperty("user.home"), ".apphost");
            root = home.resolve("secrets");
            PrivateFiles.tighten(home); // folders written by older versions were 0755
        }
        PrivateFiles.tighten(root);
        return new UserSecrets(root.resolve(appHostId(appHostDirectory) + ".properties"));
    }

    /** The store of the AppHost in {@code appHostDirectory}, kept in {@code folder} instead of the user's. */
    static UserSecrets in(Path folder, Path appHostDirectory) {
        return new UserSecrets(folder.resolve(appHostId(appHostDirectory) + ".properties"));
    }

    /** A stable identity for an AppHost: the first 16 hex digits of the SHA-256 of its folder. */
    public static String appHostId(Path appHostDirectory) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    appHostDirectory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** Everything stored, keys as written ({@code Parameters:cache-password}). */
    public synchronized Map<String, String> read() {
        return Configuration.readProperties(file);
    }

    /** Stores one value, replacing the file atomically. */
    public synchronized void put(String key, String value) {
        Properties properties = new Properties();
        properties.putAll(read());
        properties.setProperty(key, value);
        try {
            if (file.getParent().getParent() != null
                    && file.getParent().getParent().getFileName().toString().equals(".apphost")) {
                PrivateFiles.directory(file.getParent().getParent());
            }
            PrivateFiles.directory(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "secrets", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions apply
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "apphost user secrets: generated values for one AppHost");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write user secrets " + file + ": " + e.getMessage(), e);
        }
    }
}
