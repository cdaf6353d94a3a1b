package dev.apphost;

import dev.apphost.annotations.ProjectMetadata;
import dev.apphost.internal.AppHostCapture;
import dev.apphost.launch.LaunchPlan;
import dev.apphost.model.AppModel;
import dev.apphost.model.GeneratedDefault;
import dev.apphost.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Describes a distributed application: add resources, connect them, then {@link #build()}.
 *
 * <pre>{@code
 * var builder = DistributedApplication.createBuilder(args);
 * var cache = builder.addRedis("cache");
 * var api = builder.addProject(Projects.ApiService.class, "apiservice");
 * builder.addProject(Projects.WebFrontend.class, "webfrontend")
 *        .withExternalHttpEndpoints()
 *        .withReference(cache).waitFor(cache)
 *        .withReference(api);
 * builder.build().run();
 * }</pre>
 *
 * Names are unique across the app, case-insensitively, and follow Aspire's rules (ASCII letters,
 * digits and hyphens, a letter first, no trailing or consecutive hyphens, at most 64 characters);
 * a breach throws at the {@code add*} call.
 */
public final class DistributedApplicationBuilder {

    /** System property with the AppHost's folder; the Maven plugin sets it to the AppHost module's folder. */
    public static final String APPHOST_DIRECTORY_PROPERTY = LaunchPlan.APP_HOST_DIRECTORY_PROPERTY;

    private final List<String> args;
    private final Path appHostDirectory;
    private final UserSecrets userSecrets;
    private final Configuration configuration;
    private final ExecutionContext executionContext;
    private final Map<String, ResourceBuilder<?>> resources = new LinkedHashMap<>();
    private final Map<String, ResourceBuilder<?>> hiddenResources = new LinkedHashMap<>();
    private final Map<String, Set<String>> waits = new LinkedHashMap<>();

    DistributedApplicationBuilder(String[] args, Path appHostDirectory, Configuration configuration,
            UserSecrets userSecrets) {
        this.args = List.copyOf(Arrays.asList(args));
        this.appHostDirectory = appHostDirectory;
        this.configuration = configuration;
        this.userSecrets = userSecrets;
        this.executionContext = ExecutionContext.from(configuration);
    }

    static DistributedApplicationBuilder create(String[] args) {
        Path directory = defaultAppHostDirectory();
        Path captureSecrets = AppHostCapture.secretsDirectory();
        UserSecrets secrets = captureSecrets != null ? UserSecrets.in(captureSecrets, directory)
                : UserSecrets.forAppHost(directory);
        Configuration configuration = Configuration.load(directory, secrets.read(), Arrays.asList(args));
        return new DistributedApplicationBuilder(args, directory, configuration, secrets);
    }

    private static Path defaultAppHostDirectory() {
        String property = System.getProperty(APPHOST_DIRECTORY_PROPERTY);
        Path directory = property != null && !property.isBlank() ? Path.of(property) : Path.of("");
        return directory.toAbsolutePath().normalize();
    }

    /** Run or publish, as chosen by the command line. */
    public ExecutionContext executionContext() {
        return executionContext;
    }

    /** Merged configuration: args, environment, {@code apphost.properties}. */
    public Configuration configuration() {
        return configuration;
    }

    /** The AppHost's folder: relative paths (working directories, bind mounts) resolve against it. */
    public Path appHostDirectory() {
        return appHostDirectory;
    }

    /** The command-line arguments given to {@code createBuilder}. */
    public List<String> args() {
        return args;
    }

    /** The resources added so far, in order, as immutable snapshots. */
    public List<Resource> resources() {
        return resources.values().stream().map(b -> (Resource) b.resource()).toList();
    }

    /** A reactor module, by its generated {@code Projects.*} type. */
    public ProjectResourceBuilder addProject(Class<? extends ProjectMetadata> type, String name) {
        return addProject(type, name, true);
    }

    /**
     * As {@link #addProject(Class, String)}; {@code defaultHttpEndpoint = false} gives a project with no
     * endpoint (and so no {@code PORT}/{@code SERVER_PORT}/… variables) until {@code with*Endpoint} adds
     * some, like .NET's {@code AddProject<T>(name, launchProfileName: null)}:
     *
     * <pre>{@code
     * builder.addProject(Projects.Gateway.class, "gateway", false).withHttpEndpoint(8080, null, "http");
     * }</pre>
     *
     * To only fix the default endpoint's port, keep it: {@code addProject(...).withEndpoint("http", e -> e.port(8080))}.
     */
    public ProjectResourceBuilder addProject(Class<? extends ProjectMetadata> type, String name,
            boolean defaultHttpEndpoint) {
        Objects.requireNonNull(type, "addProject: the argument 'type' must not be null.");
        ProjectMetadata metadata;
        try {
            metadata = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new DistributedApplicationException("Cannot read project metadata from " + type.getName()
                    + ": it needs a public no-argument constructor (" + e + ").", e);
        }
        return addProject(name, projectPath(type, metadata).toString(), defaultHttpEndpoint);
    }

    /**
     * A generated {@code projectPath()} is relative to the AppHost module: that is {@link #appHostDirectory()}
     * when the plugin started the AppHost; otherwise (an IDE, whose working folder may be anything) the
     * module holding the {@code Projects} class, found from where it was loaded.
     */
    private Path projectPath(Class<? extends ProjectMetadata> type, ProjectMetadata metadata) {
        Path path = Path.of(metadata.projectPath());
        if (path.isAbsolute()) {
            return path.normalize();
        }
        Path base = System.getProperty(APPHOST_DIRECTORY_PROPERTY) != null ? appHostDirectory
                : moduleOf(type).orElse(appHostDirectory);
        return base.resolve(path).toAbsolutePath().normalize();
    }

    /** The first folder holding a {@code pom.xml} at or above the class's code source folder (e.g. {@code target/classes}). */
    private static Optional<Path> moduleOf(Class<?> type) {
        try {
            java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return Optional.empty();
            }
            for (Path dir = Path.of(source.getLocation().toURI()); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return Optional.of(dir);
                }
            }
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            // fall back to the AppHost directory
        }
        return Optional.empty();
    }

    /** A reactor module, by the path of its folder or {@code pom.xml} (relative to the AppHost's folder). */
    public ProjectResourceBuilder addProject(String name, String projectPath) {
        return addProject(name, projectPath, true);
    }

    /**
     * As {@link #addProject(String, String)}; {@code defaultHttpEndpoint = false} gives a project with no
     * endpoint (and so no {@code PORT}/{@code SERVER_PORT}/… variables) until {@code with*Endpoint} adds
     * some, like .NET's {@code AddProject(..., launchProfileName: null)}.
     */
    public ProjectResourceBuilder addProject(String name, String projectPath, boolean defaultHttpEndpoint) {
        Objects.requireNonNull(projectPath, "addProject: the argument 'projectPath' must not be null.");
        Path path = resolvePath(projectPath);
        if (Files.isDirectory(path) || !path.getFileName().toString().endsWith(".xml")) {
            path = path.resolve("pom.xml");
        }
        return add(new ProjectResourceBuilder(this, validName(name, ProjectResourceBuilder.class), path,
                defaultHttpEndpoint));
    }

    /** A container from {@code image} (which may carry {@code :tag}; {@code latest} otherwise). */
    public ContainerResourceBuilder addContainer(String name, String image) {
        return add(new ContainerResourceBuilder(this, validName(name, ContainerResourceBuilder.class), image, null));
    }

    public ContainerResourceBuilder addContainer(String name, String image, String tag) {
        return add(new ContainerResourceBuilder(this, validName(name, ContainerResourceBuilder.class), image, tag));
    }

    /** A process: {@code command} on {@code PATH} or as a path, in {@code workingDirectory} (relative to the AppHost's folder). */
    public ExecutableResourceBuilder addExecutable(String name, String command, String workingDirectory, String... args) {
        String validName = validName(name, ExecutableResourceBuilder.class);
        Objects.requireNonNull(command, () -> "Resource '" + validName + "': the argument 'command' must not be null.");
        Objects.requireNonNull(workingDirectory, () -> "Resource '" + validName
                + "': the argument 'workingDirectory' must not be null.");
        if (command.isBlank()) {
            throw new InvalidResourceArgumentException(validName, "command", "Resource '" + validName
                    + "': the command must not be empty; give a program on PATH (such as 'python3') or a path to one.");
        }
        ExecutableResourceBuilder builder = new ExecutableResourceBuilder(
                this, validName, command, resolvePath(workingDirectory));
        builder.withArgs(args == null ? new String[0] : args);
        return add(builder);
    }

    /** A value from configuration key {@code Parameters:<name>}. */
    public ParameterResourceBuilder addParameter(String name) {
        return addParameter(name, false);
    }

    /** A value from {@code Parameters:<name>}; a secret one is masked and marked {@code secret} in the manifest. */
    public ParameterResourceBuilder addParameter(String name, boolean secret) {
        return add(new ParameterResourceBuilder(this, validName(name, ParameterResourceBuilder.class), secret, null, false));
    }

    /** A value from {@code Parameters:<name>}, {@code value} when configuration has none. */
    public ParameterResourceBuilder addParameter(String name, String value) {
        return addParameter(name, value, false, false);
    }

    /**
     * A value from {@code Parameters:<name>}, {@code value} when configuration has none.
     * {@code publishValueAsDefault} writes {@code value} into the manifest as the input's default;
     * a secret cannot be published that way.
     */
    public ParameterResourceBuilder addParameter(String name, String value, boolean publishValueAsDefault,
            boolean secret) {
        Objects.requireNonNull(value, "addParameter: the argument 'value' must not be null.");
        if (publishValueAsDefault && secret) {
            throw new IllegalArgumentException("A parameter cannot be both secret and published as a default value.");
        }
        return add(new ParameterResourceBuilder(this, validName(name, ParameterResourceBuilder.class), secret, null,
                false, value, publishValueAsDefault));
    }

    /** A connection string from configuration key {@code ConnectionStrings:<name>}. */
    public ConnectionStringResourceBuilder addConnectionString(String name) {
        return add(new ConnectionStringResourceBuilder(this, validName(name, ConnectionStringResourceBuilder.class), null));
    }

    /** A connection string made of other values. */
    public ConnectionStringResourceBuilder addConnectionString(String name, ReferenceExpression expression) {
        Objects.requireNonNull(expression, "addConnectionString: the argument 'expression' must not be null.");
        return add(new ConnectionStringResourceBuilder(
                this, validName(name, ConnectionStringResourceBuilder.class), expression.valueExpression()));
    }

    /** Redis with a generated password, on an allocated host port. */
    public RedisResourceBuilder addRedis(String name) {
        return addRedis(name, null);
    }

    /** Redis with a generated password; {@code port} fixes the host port ({@code null} = allocate). */
    public RedisResourceBuilder addRedis(String name, Integer port) {
        String validName = validName(name, RedisResourceBuilder.class);
        String passwordName = validName + "-password";
        ParameterResourceBuilder password = hiddenResources.containsKey(key(passwordName))
                ? (ParameterResourceBuilder) hiddenResources.get(key(passwordName))
                : new ParameterResourceBuilder(this, passwordName, true, GeneratedDefault.password(), true);
        RedisResourceBuilder redis = add(new RedisResourceBuilder(this, validName, port, password));
        hiddenResources.put(key(passwordName), password);
        return redis;
    }

    /**
     * The builder of resource {@code name}, to change it after it was added (as a test does before
     * {@link #build()}): {@code builder.resourceBuilder("cache", RedisResourceBuilder.class).withEnvironment(...)}.
     *
     * @throws DistributedApplicationException when there is no such resource or it is of another type
     */
    public <B extends ResourceBuilder<B>> B resourceBuilder(String name, Class<B> type) {
        Objects.requireNonNull(type, "type");
        ResourceBuilder<?> found = resourceBuilder(name);
        if (!type.isInstance(found)) {
            throw new DistributedApplicationException("Resource '" + found.name() + "' is a "
                    + found.getClass().getSimpleName() + ", not a " + type.getSimpleName() + ".");
        }
        return type.cast(found);
    }

    /** The builder of resource {@code name} (names compare case-insensitively). */
    public ResourceBuilder<?> resourceBuilder(String name) {
        Objects.requireNonNull(name, "name");
        ResourceBuilder<?> found = resources.get(key(name));
        if (found == null) {
            throw new DistributedApplicationException("There is no resource named '" + name + "'. The resources are: "
                    + resources.values().stream().map(ResourceBuilder::name).toList() + ".");
        }
        return found;
    }

    /**
     * Removes resource {@code name} from the model, with the waits on it. References to it stay, by
     * name: add another resource of that name (a stub container for a service, say) or the resources
     * that reference it fail to start, naming it.
     */
    public void removeResource(String name) {
        String removed = key(resourceBuilder(name).name());
        resources.remove(removed);
        waits.remove(removed);
        waits.values().forEach(targets -> targets.remove(removed));
        for (ResourceBuilder<?> builder : resources.values()) {
            if (builder instanceof ComputeResourceBuilder<?> compute) {
                compute.forgetWaitFor(name);
            }
        }
    }

    /** Freezes the model. */
    public DistributedApplication build() {
        AppHostCapture.onBuild(this);
        List<Resource> added = resources();
        List<Resource> hidden = new ArrayList<>();
        for (Map.Entry<String, ResourceBuilder<?>> e : hiddenResources.entrySet()) {
            if (!resources.containsKey(e.getKey())) {
                hidden.add(e.getValue().resource());
            }
        }
        AppModel model = new AppModel(added, hidden);
        ModelValidation.validate(model, executionContext);
        return new DistributedApplication(model, this);
    }

    UserSecrets userSecrets() {
        return userSecrets;
    }

    Path resolvePath(String path) {
        return appHostDirectory.resolve(path).toAbsolutePath().normalize();
    }

    /** Records {@code dependent.waitFor(dependency)}, rejecting waits on itself and cycles. */
    void recordWait(ResourceBuilder<?> dependent, ResourceBuilder<?> dependency) {
        String from = key(dependent.name());
        String to = key(dependency.name());
        if (from.equals(to)) {
            throw new DistributedApplicationException("The '" + dependent.name() + "' resource cannot wait for itself.");
        }
        List<String> path = findWaitPath(to, from, new LinkedHashSet<>());
        if (path != null) {
            List<String> cycle = new ArrayList<>();
            cycle.add(dependent.name());
            for (String step : path) {
                cycle.add(displayName(step));
            }
            throw new DistributedApplicationException("The '" + dependent.name() + "' resource cannot wait for '"
                    + dependency.name() + "' because '" + dependency.name() + "' already waits for '" + dependent.name()
                    + "': waitFor cycle " + String.join(" -> ", cycle) + ".");
        }
        waits.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    }

    /** Forgets every {@code waitFor} of {@code dependent}. */
    void clearWaits(ResourceBuilder<?> dependent) {
        waits.remove(key(dependent.name()));
    }

    /** A path of waits from {@code start} to {@code goal}, both included, or {@code null}. */
    private List<String> findWaitPath(String start, String goal, Set<String> visited) {
        if (start.equals(goal)) {
            return new ArrayList<>(List.of(start));
        }
        if (!visited.add(start)) {
            return null;
        }
        for (String next : waits.getOrDefault(start, Set.of())) {
            List<String> rest = findWaitPath(next, goal, visited);
            if (rest != null) {
                rest.add(0, start);
                return rest;
            }
        }
        return null;
    }

    private String displayName(String key) {
        ResourceBuilder<?> builder = resources.get(key);
        return builder == null ? key : builder.name();
    }

    private String validName(String name, Class<?> type) {
        ModelNames.validateResourceName(name);
        ResourceBuilder<?> existing = resources.get(key(name));
        if (existing == null) {
            existing = hiddenResources.get(key(name));
        }
        if (existing != null) {
            throw new DistributedApplicationException("Cannot add resource of type '" + type.getName() + "' with name '"
                    + name + "' because resource of type '" + existing.getClass().getName()
                    + "' with that name already exists. Resource names are case-insensitive.");
        }
        return name;
    }

    private <B extends ResourceBuilder<B>> B add(B builder) {
        resources.put(key(builder.name()), builder);
        return builder;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
