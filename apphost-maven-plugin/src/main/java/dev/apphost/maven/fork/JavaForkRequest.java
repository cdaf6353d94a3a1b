package dev.apphost.maven.fork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to fork a JVM for the AppHost: the {@code java} executable, JVM options, system
 * properties, classpath, main class, program arguments, environment and working directory.
 * Immutable; build with {@link #builder()}.
 *
 * <p>Everything but the {@code java} executable goes into an {@code @argfile}, readable by the
 * owner only (0600): JVM options, system properties and classpath (classpaths of Spring Boot apps
 * easily pass the command-line limit on Windows), the main class and the program arguments, which
 * may carry secrets ({@code --Parameters:password=…}) that must not be readable in {@code ps}.
 */
public final class JavaForkRequest {

    private final Path javaExecutable;
    private final List<String> jvmArguments;
    private final Map<String, String> systemProperties;
    private final List<Path> classpath;
    private final String mainClass;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path argFile;

    private JavaForkRequest(Builder b) {
        this.javaExecutable = Objects.requireNonNull(b.javaExecutable, "javaExecutable == null");
        this.jvmArguments = List.copyOf(b.jvmArguments);
        this.systemProperties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.systemProperties));
        this.classpath = List.copyOf(b.classpath);
        this.mainClass = Objects.requireNonNull(b.mainClass, "mainClass == null");
        this.arguments = List.copyOf(b.arguments);
        this.environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.workingDirectory = Objects.requireNonNull(b.workingDirectory, "workingDirectory == null");
        this.argFile = Objects.requireNonNull(b.argFile, "argFile == null");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path javaExecutable() {
        return javaExecutable;
    }

    public List<String> jvmArguments() {
        return jvmArguments;
    }

    public Map<String, String> systemProperties() {
        return systemProperties;
    }

    public List<Path> classpath() {
        return classpath;
    }

    public String mainClass() {
        return mainClass;
    }

    public List<String> arguments() {
        return arguments;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public Path argFile() {
        return argFile;
    }

    /** The arguments written to the {@code @argfile}: JVM options, {@code -D}s and {@code -cp}. */
    public List<String> argFileArguments() {
        List<String> args = new ArrayList<>(jvmArguments);
        systemProperties.forEach((k, v) -> args.add("-D" + k + "=" + v));
        if (!classpath.isEmpty()) {
            args.add("-cp");
            StringBuilder cp = new StringBuilder();
            for (Path entry : classpath) {
                if (cp.length() > 0) {
                    cp.append(java.io.File.pathSeparatorChar);
                }
                cp.append(entry);
            }
            args.add(cp.toString());
        }
        return args;
    }

    /** Writes the {@code @argfile} (0600) and returns the command: {@code java @argfile}. */
    public List<String> prepareCommand() throws IOException {
        StringBuilder content = new StringBuilder();
        List<String> all = new ArrayList<>(argFileArguments());
        all.add(mainClass);
        all.addAll(arguments);
        for (String arg : all) {
            content.append(quote(arg)).append(System.lineSeparator());
        }
        dev.apphost.launch.PrivateFiles.write(argFile, content.toString());
        List<String> command = new ArrayList<>();
        if (SETSID != null) {
            // The AppHost leads its own session, away from the terminal: Ctrl+C reaches Maven only,
            // which asks the AppHost to stop (dependents first). Its children get sessions of their
            // own (dev.apphost.run.ProcessExecutor), or share its group where posix_spawn is missing.
            command.add(SETSID);
        }
        command.add(javaExecutable.toString());
        command.add("@" + argFile.toAbsolutePath());
        return command;
    }

    /** {@code setsid} where it exists (Linux), else {@code null}: the runtime's, one lookup for both. */
    static final String SETSID = dev.apphost.run.ProcessExecutor.SETSID;

    /** A {@link ProcessBuilder} for {@link #prepareCommand()} with the environment and working directory set. */
    public ProcessBuilder processBuilder() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(prepareCommand()).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * Quotes one argument for a java launcher {@code @argfile}: inside double quotes, backslash is
     * the escape character (so Windows paths have their backslashes doubled).
     */
    static String quote(String arg) {
        return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Builds a {@link JavaForkRequest}. */
    public static final class Builder {
        private Path javaExecutable;
        private final List<String> jvmArguments = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final List<Path> classpath = new ArrayList<>();
        private String mainClass;
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Path argFile;

        private Builder() {
        }

        public Builder javaExecutable(Path javaExecutable) {
            this.javaExecutable = javaExecutable;
            return this;
        }

        public Builder addJvmArguments(List<String> args) {
            jvmArguments.addAll(args);
            return this;
        }

        public Builder putSystemProperty(String name, String value) {
            systemProperties.put(Objects.requireNonNull(name, "name == null"), value == null ? "" : value);
            return this;
        }

        public Builder putSystemProperties(Map<String, String> properties) {
            properties.forEach(this::putSystemProperty);
            return this;
        }

        public Builder classpath(List<Path> entries) {
            classpath.clear();
            classpath.addAll(entries);
            return this;
        }

        public Builder mainClass(String mainClass) {
            this.mainClass = mainClass;
            return this;
        }

        public Builder addArguments(List<String> args) {
            arguments.addAll(args);
            return this;
        }

        public Builder putEnvironment(Map<String, String> env) {
            env.forEach((k, v) -> environment.put(k, v == null ? "" : v));
            return this;
        }

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder argFile(Path argFile) {
            this.argFile = argFile;
            return this;
        }

        public JavaForkRequest build() {
            return new JavaForkRequest(this);
        }
    }
}
