package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.apphost and ~/.apphost/secrets are the owner's only, also when an older version made them 0755. */
class UserSecretsPermissionsTest {

    @Test
    void existingLooseFoldersAreTightenedAndNewSecretsAreOwnerOnly(@TempDir Path home) throws Exception {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        assumeTrue(System.getenv("APPHOST_SECRETS_DIR") == null, "APPHOST_SECRETS_DIR set");
        Path apphost = Files.createDirectories(home.resolve(".apphost"));
        Path secrets = Files.createDirectories(apphost.resolve("secrets"));
        Files.setPosixFilePermissions(apphost, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwxr-xr-x"));
        String previous = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            UserSecrets store = UserSecrets.forAppHost(home.resolve("app"));
            assertThat(mode(apphost)).isEqualTo("rwx------");
            assertThat(mode(secrets)).isEqualTo("rwx------");
            store.put("Parameters:password", "s3cret");
            assertThat(mode(store.file())).isEqualTo("rw-------");
        } finally {
            System.setProperty("user.home", previous);
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
