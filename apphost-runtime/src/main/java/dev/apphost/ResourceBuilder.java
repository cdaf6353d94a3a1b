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

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
