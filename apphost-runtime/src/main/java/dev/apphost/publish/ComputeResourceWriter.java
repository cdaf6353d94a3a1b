package dev.apphost.publish;

import dev.apphost.model.BindMount;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.ExecutableResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.model.VolumeMount;

/**
 * Writes projects ({@code project.v0}), containers ({@code container.v0}) and executables
 * ({@code executable.v0}) with Aspire's field order. {@code withContainerRuntimeArgs} is run-mode
 * only and never written.
 */
final class ComputeResourceWriter {

    private ComputeResourceWriter() {
    }

    static void write(ManifestContext context, ComputeResource resource) {
        if (resource instanceof ProjectResource project) {
            writeProject(context, project);
        } else if (resource instanceof ContainerResource container) {
            writeContainer(context, container);
        } else if (resource instanceof ExecutableResource executable) {
            writeExecutable(context, executable);
        } else {
            throw new IllegalArgumentException("Unknown compute resource " + resource);
        }
    }

    /** {@code type}, {@code path}, {@code args}?, {@code env}?, {@code bindings}?. */
    static void writeProject(ManifestContext context, ProjectResource project) {
        JsonWriter json = context.json();
        json.property("type", "project.v0");
        json.property("path", context.relativePath(project.projectPath()));
        writeRest(context, project);
    }

    /**
     * {@code type}, {@code connectionString}?, {@code image}, {@code entrypoint}?, {@code args}?,
     * {@code bindMounts}?, {@code volumes}?, {@code env}?, {@code bindings}?.
     */
    static void writeContainer(ManifestContext context, ContainerResource container) {
        JsonWriter json = context.json();
        json.property("type", "container.v0");
        if (container.connectionString() != null) {
            context.valueProperty("connectionString", container.connectionString());
        }
        json.property("image", container.imageReference());
        if (container.entrypoint() != null) {
            json.property("entrypoint", container.entrypoint());
        }
        context.writeArgs(container.settings().args());
        if (!container.bindMounts().isEmpty()) {
            json.beginArray("bindMounts");
            for (BindMount mount : container.bindMounts()) {
                json.beginObject()
                        .property("source", context.relativePath(mount.source()))
                        .property("target", mount.target().replace('\\', '/'))
                        .property("readOnly", mount.readOnly())
                        .endObject();
            }
            json.endArray();
        }
        if (!container.volumes().isEmpty()) {
            json.beginArray("volumes");
            for (VolumeMount volume : container.volumes()) {
                json.beginObject();
                if (volume.name() != null) {
                    json.property("name", volume.name());
                }
                json.property("target", volume.target()).property("readOnly", volume.readOnly()).endObject();
            }
            json.endArray();
        }
        context.writeEnvironment(context.planner().environment(container));
        Bindings.write(json, Bindings.resolve(container, context.ports()));
    }

    /** {@code type}, {@code workingDirectory}, {@code command}, {@code args}?, {@code env}?, {@code bindings}?. */
    static void writeExecutable(ManifestContext context, ExecutableResource executable) {
        JsonWriter json = context.json();
        json.property("type", "executable.v0");
        json.property("workingDirectory", context.relativePath(executable.workingDirectory()));
        json.property("command", executable.command());
        writeRest(context, executable);
    }

    private static void writeRest(ManifestContext context, ComputeResource resource) {
        context.writeArgs(resource.settings().args());
        context.writeEnvironment(context.planner().environment(resource));
        Bindings.write(context.json(), Bindings.resolve(resource, context.ports()));
    }
}
