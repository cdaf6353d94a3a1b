package dev.apphost.run;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds an executable's program: a path (absolute, or relative to the working directory) or a name on {@code PATH}. */
public final class ExecutableLocator {

    private ExecutableLocator() {
    }

    /**
     * @param path the {@code PATH} to search (the resource's own {@code PATH} variable if it sets one)
     * @throws ResourceStartException naming the resource, the command and the {@code PATH} searched
     */
    public static Path locate(String resource, String command, Path workingDirectory, String path)
            throws ResourceStartException {
        boolean isPath = command.contains("/") || command.contains(File.separator);
        if (isPath) {
            Path candidate = workingDirectory.resolve(command).normalize();
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
            throw new ResourceStartException("The command '" + command + "' of executable resource '" + resource
                    + "' was not found: " + candidate + (Files.exists(candidate) ? " is not an executable file."
                            : " does not exist (relative paths resolve against the working directory "
                                    + workingDirectory + ")."));
        }
        String searched = path == null ? "" : path;
        for (String dir : searched.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path local = workingDirectory.resolve(command);
        if (Files.isRegularFile(local) && Files.isExecutable(local)) {
            return local;
        }
        throw new ResourceStartException("The command '" + command + "' of executable resource '" + resource
                + "' was not found on PATH (" + searched + ") nor in the working directory " + workingDirectory + ".");
    }
}
