package dev.apphost.maven.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Docker Compose for one deployment: {@code docker-compose} (v1, what Debian 12 packages) when
 * it is on {@code PATH}, else {@code docker compose} (the v2 plugin). Every call names the project
 * ({@code -p}) and the file ({@code -f}), runs in the file's folder (so {@code .env} is read) and
 * fails with the command's own output.
 */
public final class ComposeCommand {

    private final List<String> base;
    private final Path directory;
    private final Map<String, String> environment;

    ComposeCommand(List<String> executable, Path composeFile, String project, Map<String, String> environment) {
        this.base = new ArrayList<>(executable);
        this.base.addAll(List.of("-p", project, "-f", composeFile.getFileName().toString()));
        this.directory = composeFile.toAbsolutePath().getParent();
        this.environment = Map.copyOf(environment);
    }

    /** The Compose command of this machine for {@code composeFile}, or a clear error when there is none. */
    public static ComposeCommand locate(Path composeFile, String project, Map<String, String> environment)
            throws DeployException {
        if (onPath("docker-compose")) {
            return new ComposeCommand(List.of("docker-compose"), composeFile, project, environment);
        }
        if (onPath("docker")) {
            try {
                Process probe = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return new ComposeCommand(List.of("docker", "compose"), composeFile, project, environment);
                }
            } catch (IOException e) {
                // no usable docker CLI: reported below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new DeployException("Neither docker-compose nor the docker compose plugin is installed: install one "
                + "(Debian: apt-get install docker-compose; or scripts/setup-deploy.sh).");
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code <compose> -p … -f … args}; returns its output, or throws with it on failure. */
    public String run(Duration timeout, String... args) throws DeployException {
        List<String> command = new ArrayList<>(base);
        command.addAll(List.of(args));
        return exec(command, directory, environment, timeout);
    }

    static String exec(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws DeployException {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            Path output = Files.createTempFile("apphost-compose", ".log");
            try {
                builder.redirectOutput(output.toFile());
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new DeployException(String.join(" ", command) + " did not finish within "
                            + timeout.toSeconds() + " s:\n" + Files.readString(output, StandardCharsets.UTF_8));
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new DeployException(String.join(" ", command) + " failed (exit " + process.exitValue()
                            + "):\n" + text.strip());
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new DeployException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
