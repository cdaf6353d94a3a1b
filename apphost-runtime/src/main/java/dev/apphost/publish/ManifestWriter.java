package dev.apphost.publish;

import dev.apphost.ExecutionContext;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ConnectionStringResource;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.Resource;
import dev.apphost.plan.EnvironmentPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an app model into Aspire's publish manifest text, byte for byte as .NET Aspire 9.5/13.1
 * writes it. Pure: no files, no processes.
 *
 * <p>Order: {@code $schema}; then the resources in model order ({@code excludeFromManifest()} ones
 * left out); then resources that are only referenced (generated passwords such as
 * {@code cache-password}) in first-reference order; each parameter used URI-encoded is directly
 * followed by its {@code <param>-uri-encoded} {@code annotated.string} entry. Endpoints without a
 * port get one from 8000 on, counted across the whole manifest.
 */
public final class ManifestWriter {

    /** The {@code $schema} every manifest from Aspire 8.1 to 13.1 starts with. */
    public static final String SCHEMA = "https://json.schemastore.org/aspire-8.0.json";

    /**
     * The whole manifest.
     *
     * @param manifestDirectory the folder the manifest is written to: paths are relative to it
     */
    public String write(AppModel model, ExecutionContext executionContext, Path manifestDirectory) {
        // A first pass finds which parameters are used URI-encoded, so their annotated.string entry
        // can follow the parameter even when the parameter is written before its first use.
        References firstPass = render(model, executionContext, manifestDirectory, null).references();
        return render(model, executionContext, manifestDirectory, firstPass).json().toString();
    }

    /**
     * One resource as a standalone JSON object, as Aspire's tests show single resources
     * ({@code ManifestUtils.GetManifest(resource)}); ports are counted from 8000 for it alone.
     */
    public String writeResource(AppModel model, ExecutionContext executionContext, Path manifestDirectory,
            String resourceName) {
        ManifestContext context = newContext(model, executionContext, manifestDirectory);
        context.json().beginObject();
        writeFields(context, model.get(resourceName));
        context.json().endObject();
        return context.json().toString();
    }

    private ManifestContext render(AppModel model, ExecutionContext executionContext, Path manifestDirectory,
            References uriEncoding) {
        ManifestContext context = newContext(model, executionContext, manifestDirectory);
        JsonWriter json = context.json();
        json.beginObject().property("$schema", SCHEMA).beginObject("resources");
        Set<String> written = new HashSet<>();
        for (Resource resource : model.resources()) {
            written.add(key(resource.name()));
            if (!resource.excludedFromManifest()) {
                writeEntry(context, resource, uriEncoding);
            }
        }
        boolean more = true;
        while (more) {
            more = false;
            for (String name : new ArrayList<>(context.references().referenced())) {
                Optional<Resource> resource = model.find(name);
                if (resource.isPresent() && written.add(key(resource.get().name()))
                        && !resource.get().excludedFromManifest()) {
                    writeEntry(context, resource.get(), uriEncoding);
                    more = true;
                    break;
                }
            }
        }
        json.endObject().endObject();
        return context;
    }

    private static void writeEntry(ManifestContext context, Resource resource, References uriEncoding) {
        context.json().beginObject(resource.name());
        writeFields(context, resource);
        context.json().endObject();
        if (resource instanceof ParameterResource parameter && uriEncoding != null
                && uriEncoding.isUriEncoded(parameter.name())) {
            ValueResourceWriter.writeUriEncoded(context, parameter);
        }
    }

    private static void writeFields(ManifestContext context, Resource resource) {
        if (resource instanceof ComputeResource compute) {
            ComputeResourceWriter.write(context, compute);
        } else if (resource instanceof ParameterResource parameter) {
            ValueResourceWriter.writeParameter(context, parameter);
        } else if (resource instanceof ConnectionStringResource connectionString) {
            ValueResourceWriter.writeConnectionString(context, connectionString);
        } else {
            context.json().property("error", "This resource does not support generation in the manifest.");
        }
    }

    private static ManifestContext newContext(AppModel model, ExecutionContext executionContext, Path directory) {
        return new ManifestContext(model, new JsonWriter(), directory, new EnvironmentPlanner(model, executionContext));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
