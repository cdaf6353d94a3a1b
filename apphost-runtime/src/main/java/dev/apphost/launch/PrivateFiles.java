package dev.apphost.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders readable by their owner only, for what may hold secrets: {@code ~/.apphost}
 * and its {@code secrets} and {@code sessions} folders (0700, tightened when they already exist),
 * argument files such as {@code target/apphost/java-args.txt} (0600, from the first byte: the
 * file is created with those permissions, then renamed into place). On a file system without POSIX
 * permissions (Windows) the folder's own access rules apply. Internal to apphost and its Maven plugin.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** {@code ~/.apphost}, created or tightened to 0700. */
    public static Path appHostHome() throws IOException {
        return directory(Path.of(System.getProperty("user.home"), ".apphost"));
    }

    /** Creates {@code dir} (and missing parents) and makes it 0700, also when it already existed. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        restrict(dir, DIRECTORY);
        return dir;
    }

    /** Makes an existing {@code path} owner-only (0700 for a folder, 0600 for a file); nothing when it is missing. */
    public static void tighten(Path path) {
        try {
            if (Files.isDirectory(path)) {
                restrict(path, DIRECTORY);
            } else if (Files.exists(path)) {
                restrict(path, FILE);
            }
        } catch (IOException ignored) {
            // not ours (another user's folder): leave it
        }
    }

    /** Writes {@code content} to {@code file} (UTF-8), readable and writable by the owner only, replacing it. */
    public static void write(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            restrict(temp, FILE);
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** A new empty file, 0600 (for the caller to append to), or {@code file} tightened if it exists. */
    public static Path create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException exists) {
            // tightened below
        }
        restrict(file, FILE);
        return file;
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException notPosix) {
            // the folder's access rules apply
        }
    }
}
