package dev.apphost.testing;

import dev.apphost.Configuration;
import dev.apphost.ComputeResourceBuilder;
import dev.apphost.ConnectionStringResourceBuilder;
import dev.apphost.ContainerResourceBuilder;
import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ExecutableResourceBuilder;
import dev.apphost.ExecutionContext;
import dev.apphost.ParameterResourceBuilder;
import dev.apphost.ProjectResourceBuilder;
import dev.apphost.RedisResourceBuilder;
import dev.apphost.ReferenceExpression;
import dev.apphost.ResourceBuilder;
import dev.apphost.annotations.ProjectMetadata;
import dev.apphost.internal.AppHostCapture;
import dev.apphost.model.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The model of a real AppHost, captured for a test, as Aspire's {@code DistributedApplicationTestingBuilder}:
 * {@link #create(Class, String...)} runs the AppHost class's {@code main} until it calls {@code build()}
 * (nothing starts), the test may change the model, then {@link #build()} gives the app to start.
 *
 * <pre>{@code
 * @Test
 * void webfrontendServesTheForecasts() throws Exception {
 *     var appHost = DistributedApplicationTestingBuilder.create(StarterAppHost.class);
 *     try (DistributedApplication app = appHost.build()) {
 *         app.start();
 *         app.resourceNotifications().waitForResourceHealthy("webfrontend", Duration.ofSeconds(120));
 *         var response = app.createHttpClient("webfrontend").get("/");
 *         assertEquals(200, response.statusCode());
 *     }
 * }
 * }</pre>
 *
 * Defaults that keep tests apart, so test classes may run in parallel: every host port is allocated
 * ({@link #withFixedPorts()} keeps the model's fixed ones), the dashboard is off
 * ({@link #withDashboard()}), and user secrets (generated passwords) live in a store of this app's own,
 * removed when the JVM exits. Configuration comes from {@code args} ({@code --Parameters:password=x}),
 * the environment and the AppHost's {@code apphost.properties}, and {@link #withParameter} sets a value
 * above them all.
 */
public final class DistributedApplicationTestingBuilder {

    /** Configuration keys the harness sets; the run engine reads them. */
    static final String RANDOMIZE_PORTS_KEY = "AppHost:RandomizePorts";
    static final String DASHBOARD_ENABLED_KEY = "Dashboard:Enabled";

    private final Class<?> appHostClass;
    private final DistributedApplicationBuilder builder;

    private DistributedApplicationTestingBuilder(Class<?> appHostClass, DistributedApplicationBuilder builder) {
        this.appHostClass = appHostClass;
        this.builder = builder;
    }

    /**
     * Captures the model that {@code appHostClass.main(args)} builds, without starting it.
     *
     * @throws dev.apphost.internal.AppHostCaptureException when {@code main} fails before {@code build()},
     *         returns without calling it, or does not exist
     */
    public static DistributedApplicationTestingBuilder create(Class<?> appHostClass, String... args) {
        Objects.requireNonNull(appHostClass, "appHostClass");
        Objects.requireNonNull(args, "args");
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--" + RANDOMIZE_PORTS_KEY + "=true");
        all.add("--" + DASHBOARD_ENABLED_KEY + "=false");
        DistributedApplicationBuilder captured = AppHostCapture.capture(appHostClass, all.toArray(String[]::new),
                new AppHostCapture.Options(TestSecrets.newStore()));
        if (captured.executionContext().isPublishMode()) {
            throw new IllegalArgumentException("The testing builder runs apps; drop the --publisher argument.");
        }
        return new DistributedApplicationTestingBuilder(appHostClass, captured);
    }

    /** The AppHost class whose model this is. */
    public Class<?> appHostClass() {
        return appHostClass;
    }

    /** The captured builder, for anything this class does not offer directly. */
    public DistributedApplicationBuilder applicationBuilder() {
        return builder;
    }

    public Configuration configuration() {
        return builder.configuration();
    }

    public ExecutionContext executionContext() {
        return builder.executionContext();
    }

    public Path appHostDirectory() {
        return builder.appHostDirectory();
    }

    /** The resources of the model, as configured so far. */
    public List<Resource> resources() {
        return builder.resources();
    }

    /** The builder of resource {@code name}, to change it: {@code resource("web", ContainerResourceBuilder.class).withImageTag("2")}. */
    public <B extends ResourceBuilder<B>> B resource(String name, Class<B> type) {
        return builder.resourceBuilder(name, type);
    }

    /** The builder of resource {@code name}. */
    public ResourceBuilder<?> resource(String name) {
        return builder.resourceBuilder(name);
    }

    /**
     * Removes resource {@code name} and the waits on it; references to it are by name, so a resource
     * added under the same name (a stub) takes its place.
     */
    public DistributedApplicationTestingBuilder removeResource(String name) {
        builder.removeResource(name);
        return this;
    }

    /** Replaces the image of container {@code name} ({@code image} may carry {@code :tag}). */
    public DistributedApplicationTestingBuilder withImage(String name, String image) {
        containerBuilder(name).withImage(image);
        return this;
    }

    /** Drops every {@code waitFor} of the model: everything starts at once. */
    public DistributedApplicationTestingBuilder withoutWaits() {
        for (Resource r : builder.resources()) {
            if (builder.resourceBuilder(r.name()) instanceof ComputeResourceBuilder<?> compute) {
                compute.clearWaitFor();
            }
        }
        return this;
    }

    /** Sets parameter {@code name} ({@code Parameters:<name>}) above every configuration source. */
    public DistributedApplicationTestingBuilder withParameter(String name, String value) {
        builder.configuration().set("Parameters:" + name, value);
        return this;
    }

    /** Sets connection string {@code name} ({@code ConnectionStrings:<name>}) above every configuration source. */
    public DistributedApplicationTestingBuilder withConnectionString(String name, String value) {
        builder.configuration().set("ConnectionStrings:" + name, value);
        return this;
    }

    /** Keeps the model's fixed host ports (two such apps at once then clash, as two AppHosts would). */
    public DistributedApplicationTestingBuilder withFixedPorts() {
        builder.configuration().set(RANDOMIZE_PORTS_KEY, "false");
        return this;
    }

    /** Turns the dashboard on, as in {@code apphost:run}. */
    public DistributedApplicationTestingBuilder withDashboard() {
        builder.configuration().set(DASHBOARD_ENABLED_KEY, "true");
        return this;
    }

    public ProjectResourceBuilder addProject(Class<? extends ProjectMetadata> type, String name) {
        return builder.addProject(type, name);
    }

    public ProjectResourceBuilder addProject(String name, String projectPath) {
        return builder.addProject(name, projectPath);
    }

    public ContainerResourceBuilder addContainer(String name, String image) {
        return builder.addContainer(name, image);
    }

    public ContainerResourceBuilder addContainer(String name, String image, String tag) {
        return builder.addContainer(name, image, tag);
    }

    public ExecutableResourceBuilder addExecutable(String name, String command, String workingDirectory, String... args) {
        return builder.addExecutable(name, command, workingDirectory, args);
    }

    public ParameterResourceBuilder addParameter(String name) {
        return builder.addParameter(name);
    }

    public ParameterResourceBuilder addParameter(String name, boolean secret) {
        return builder.addParameter(name, secret);
    }

    public ConnectionStringResourceBuilder addConnectionString(String name) {
        return builder.addConnectionString(name);
    }

    public ConnectionStringResourceBuilder addConnectionString(String name, ReferenceExpression expression) {
        return builder.addConnectionString(name, expression);
    }

    public RedisResourceBuilder addRedis(String name) {
        return builder.addRedis(name);
    }

    public RedisResourceBuilder addRedis(String name, Integer port) {
        return builder.addRedis(name, port);
    }

    /** The app, ready to {@code start()}; {@code close()} it (try-with-resources) to leave nothing behind. */
    public DistributedApplication build() {
        return builder.build();
    }

    private dev.apphost.ContainerResourceBuilderBase<?> containerBuilder(String name) {
        ResourceBuilder<?> found = builder.resourceBuilder(name);
        if (found instanceof dev.apphost.ContainerResourceBuilderBase<?> container) {
            return container;
        }
        throw new IllegalArgumentException("Resource '" + found.name() + "' is a " + found.getClass().getSimpleName()
                + ", not a container: only a container's image can be replaced.");
    }

    @Override
    public String toString() {
        return "DistributedApplicationTestingBuilder[" + appHostClass.getName() + ", " + builder.resources().size()
                + " resources]";
    }
}
