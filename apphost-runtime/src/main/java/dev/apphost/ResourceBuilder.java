package dev.apphost;

import dev.apphost.model.Resource;

/**
 * What every {@code add*} call returns. Each {@code with*} returns the same builder type, so chains
 * keep their type; {@link #resource()} is an immutable snapshot of what has been configured so far.
 *
 * @param <B> the concrete builder type
 */
public abstract class ResourceBuilder<B extends ResourceBuilder<B>> {

    private final DistributedApplicationBuilder applicationBuilder;
    private final String name;
    private boolean excludedFromManifest;

    ResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name) {
        this.applicationBuilder = applicationBuilder;
        this.name = name;
    }

    /** The resource's name, as given to {@code add*}. */
    public String name() {
        return name;
    }

    /** The resource as configured so far. */
    public abstract Resource resource();

    /** The app builder this resource belongs to. */
    public DistributedApplicationBuilder applicationBuilder() {
        return applicationBuilder;
    }

    /** Leaves the resource out of the published manifest; it still runs in run mode. */
    public B excludeFromManifest() {
        excludedFromManifest = true;
        return self();
    }

    boolean excludedFromManifest() {
        return excludedFromManifest;
    }

    /** {@code value}, else a NullPointerException naming this resource and the parameter. */
    final <T> T required(T value, String parameter) {
        return java.util.Objects.requireNonNull(value,
                () -> "Resource '" + name + "': the argument '" + parameter + "' must not be null.");
    }

    /** A bad value for {@code argument} of this resource; {@code problem} says what is wrong and the fix. */
    final InvalidResourceArgumentException invalid(String argument, String problem) {
        return new InvalidResourceArgumentException(name, argument, "Resource '" + name + "': " + problem);
    }

    /** Rejects a builder of another {@link DistributedApplicationBuilder}: its resource would never be part of this app. */
    final void requireSameApplication(ResourceBuilder<?> other, String call) {
        if (other.applicationBuilder != applicationBuilder) {
            throw new DistributedApplicationException("Resource '" + name + "' cannot " + call + " '" + other.name()
                    + "' because '" + other.name() + "' was added to a different DistributedApplicationBuilder. "
                    + "Add '" + other.name() + "' to the same builder as '" + name + "'.");
        }
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
