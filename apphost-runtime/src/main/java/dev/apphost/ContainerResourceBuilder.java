package dev.apphost;

import dev.apphost.model.ContainerResource;

/**
 * A container from any image; see {@link ContainerResourceBuilderBase} for its options.
 *
 * <pre>{@code
 * var web = builder.addContainer("web", "nginx", "1.27").withHttpEndpoint(null, 80, "http");
 * }</pre>
 */
public final class ContainerResourceBuilder extends ContainerResourceBuilderBase<ContainerResourceBuilder> {

    ContainerResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name, String image, String tag) {
        super(applicationBuilder, name, image, tag);
    }

    @Override
    public ContainerResource resource() {
        return containerResource(null, null);
    }
}
