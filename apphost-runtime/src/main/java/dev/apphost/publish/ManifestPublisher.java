package dev.apphost.publish;

import dev.apphost.Configuration;
import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Publish mode ({@code --publisher manifest --output-path PATH}): writes Aspire's publish manifest
 * and starts nothing. A path not ending in {@code .json} is a folder that receives
 * {@code aspire-manifest.json}; a relative path resolves against the working directory; missing
 * folders are created.
 */
public final class ManifestPublisher {

    /** Aspire's text when {@code --output-path} is missing. */
    public static final String MISSING_OUTPUT_PATH =
            "The '--output-path [path]' option was not specified even though '--publisher manifest' argument was used.";

    /** The file name used when the output path is a folder. */
    public static final String DEFAULT_FILE_NAME = "aspire-manifest.json";

    private ManifestPublisher() {
    }

    public static void publish(DistributedApplication application) {
        publish(application, System.out);
    }

    /** As {@link #publish(DistributedApplication)}, reporting the written path to {@code out}; returns it. */
    public static Path publish(DistributedApplication application, PrintStream out) {
        Path path = manifestPath(application.configuration().get(Configuration.OUTPUT_PATH_KEY));
        String manifest = new ManifestWriter().write(application.model(), application.executionContext(),
                path.getParent());
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DistributedApplicationException("Could not write the manifest to " + path + ": " + e, e);
        }
        out.println("Published manifest to: " + path);
        return path;
    }

    /** The absolute manifest file for an {@code --output-path} value. */
    public static Path manifestPath(String outputPath) {
        if (outputPath == null || outputPath.isBlank()) {
            throw new DistributedApplicationException(MISSING_OUTPUT_PATH);
        }
        Path path = Path.of(outputPath);
        if (!outputPath.toLowerCase(Locale.ROOT).endsWith(".json")) {
            path = path.resolve(DEFAULT_FILE_NAME);
        }
        return path.toAbsolutePath().normalize();
    }
}
