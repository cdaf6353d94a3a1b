package dev.apphost.maven.deploy;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an image is built from, as one SHA-256: the base image's id, the entrypoint, the
 * labels, and each layer's files (target path, permissions and content; for released dependency
 * jars their path, size and modification time, which a new download or a rebuild changes). The image carries it as
 * the label {@value #LABEL}, so the next build can ask the engine whether the image it would build
 * is already there and skip Jib (which otherwise reads the base image out of the engine and loads
 * the whole image back into it, even with every layer cached).
 *
 * <p>Only a base image whose content is known without a registry gives a fingerprint: one in the
 * local engine ({@code docker://name}, by its image id) or one pinned by digest
 * ({@code name@sha256:…}). For a tag in a registry the tag may have moved, so Jib always runs.
 */
final class ImageInputs {

    static final String LABEL = "dev.apphost.inputs";
    /** Bumped when the way images are built changes, so older images are not taken as up to date. */
    private static final String RECIPE = "apphost-image-1";
    private static final Duration DOCKER_TIMEOUT = Duration.ofSeconds(30);

    private ImageInputs() {
    }

    /**
     * The fingerprint, or empty when the base image's content cannot be known locally
     * ({@code baseIdentity}, from {@link #baseImageIdentity}, is empty).
     */
    static Optional<String> fingerprint(String baseImage, Optional<String> base, List<FileEntriesLayer> layers,
            List<String> entrypoint, Map<String, String> labels) throws IOException {
        if (base.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest digest = sha256();
        update(digest, RECIPE);
        update(digest, baseImage + "=" + base.get());
        update(digest, String.join("\u0000", entrypoint));
        labels.forEach((k, v) -> update(digest, k + "=" + v));
        byte[] buffer = new byte[64 * 1024];
        for (FileEntriesLayer layer : layers) {
            update(digest, "layer " + layer.getName());
            boolean releases = layer.getName().equals(ProjectImageBuilder.RELEASE_DEPENDENCIES);
            for (FileEntry entry : layer.getEntries()) {
                update(digest, entry.getExtractionPath() + " " + entry.getPermissions().toOctalString());
                Path source = entry.getSourceFile();
                if (!Files.isRegularFile(source)) {
                    continue;
                }
                if (releases) {
                    // released jars are many and large, and change only by a new download or a rebuild,
                    // which both move their time: location, size and time stand for the content
                    update(digest, source.toAbsolutePath() + " " + Files.size(source) + " "
                            + Files.getLastModifiedTime(source).toMillis());
                    continue;
                }
                try (InputStream in = Files.newInputStream(source)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        }
        return Optional.of("sha256:" + HexFormat.of().formatHex(digest.digest()));
    }

    /** The id of {@code image} in the local engine when it carries {@code fingerprint}, else empty. */
    static Optional<String> builtImage(String image, String fingerprint) {
        try {
            String out = ComposeCommand.exec(List.of("docker", "image", "inspect", "--format",
                    "{{.Id}} {{index .Config.Labels \"" + LABEL + "\"}}", image), null, Map.of(), DOCKER_TIMEOUT).strip();
            int space = out.indexOf(' ');
            return space > 0 && out.substring(space + 1).equals(fingerprint) ? Optional.of(out.substring(0, space))
                    : Optional.empty();
        } catch (DeployException e) {
            return Optional.empty(); // no such image (or no engine: Jib reports that)
        }
    }

    /** The local engine's id of a {@code docker://} base image, the digest of a pinned one, else empty. */
    static Optional<String> baseImageIdentity(String baseImage) {
        if (baseImage.startsWith("docker://")) {
            try {
                return Optional.of(ComposeCommand.exec(List.of("docker", "image", "inspect", "--format", "{{.Id}}",
                        baseImage.substring("docker://".length())), null, Map.of(), DOCKER_TIMEOUT).strip());
            } catch (DeployException e) {
                return Optional.empty();
            }
        }
        int at = baseImage.indexOf("@sha256:");
        return at > 0 && !baseImage.startsWith("tar://") ? Optional.of(baseImage.substring(at + 1)) : Optional.empty();
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
