package dev.apphost.publish.kubernetes;

import dev.apphost.Configuration;
import dev.apphost.ExecutionContext;
import dev.apphost.model.AppModel;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ParameterResource;
import dev.apphost.model.ProjectResource;
import dev.apphost.plan.PasswordGenerator;
import dev.apphost.publish.compose.DockerComposePublisher;
import dev.apphost.publish.deploy.DeploymentInfo;
import dev.apphost.publish.deploy.DeploymentPlan;
import dev.apphost.publish.deploy.DeploymentSettings;
import dev.apphost.publish.deploy.DeploymentTarget;
import dev.apphost.publish.deploy.Yaml;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code --publisher kubernetes --output-path DIR}: writes a Helm chart named after the Kubernetes
 * environment: {@code DIR/Chart.yaml}, {@code DIR/values.yaml} and {@code DIR/templates/*.yaml}
 * (see {@link HelmChartWriter}). Starts nothing.
 *
 * <p>{@code values.yaml} holds {@code parameters} (configured or default values), {@code secrets}
 * (generated ones get a fresh value; the others stay empty, to be given with
 * {@code helm install --set secrets.<name>=…}), {@code images} (one per project) and
 * {@code storage} (one size per named volume). Templates left from an earlier publish are removed.
 */
public final class HelmChartPublisher {

    public static final String CHART_VERSION = "0.1.0";

    private HelmChartPublisher() {
    }

    /** Writes the chart into {@code outputDirectory}; returns its {@code Chart.yaml}. */
    public static Path publish(AppModel model, ExecutionContext executionContext, Configuration configuration,
            DeploymentSettings settings, Path outputDirectory, PrintStream out) {
        DeploymentTarget target = settings.requireTarget(DeploymentTarget.Kind.KUBERNETES);
        Path directory = outputDirectory.toAbsolutePath().normalize();
        DeploymentPlan plan = new DeploymentPlan(model, executionContext, target, out);
        HelmChartWriter writer = new HelmChartWriter(plan, settings, out);
        Map<String, Map<String, Object>> templates = writer.templates();
        try {
            Path templatesDirectory = directory.resolve("templates");
            Files.createDirectories(templatesDirectory);
            try (Stream<Path> old = Files.list(templatesDirectory)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, Map<String, Object>> template : templates.entrySet()) {
                Files.writeString(templatesDirectory.resolve(template.getKey()), Yaml.write(template.getValue()),
                        StandardCharsets.UTF_8);
            }
            Path chart = directory.resolve("Chart.yaml");
            Files.writeString(chart, Yaml.write(chart(target.name())), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("values.yaml"), "# Values of the '" + target.name() + "' chart, "
                    + "written by apphost (--publisher kubernetes).\n"
                    + Yaml.write(values(plan, configuration, writer)), StandardCharsets.UTF_8);
            DeploymentInfo info = new DeploymentInfo(target.name());
            for (ComputeResource service : plan.services()) {
                if (service instanceof ProjectResource project) {
                    info.addProject(project.name(), project.projectPath(), "images." + HelmChartWriter.valuesKey(project.name()),
                            DockerComposePublisher.defaultImage(project.name()));
                }
            }
            info.write(directory);
            out.println("Published Helm chart to: " + directory);
            return chart;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Helm chart to " + directory + ": " + e, e);
        }
    }

    static Map<String, Object> chart(String name) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("apiVersion", "v2");
        chart.put("name", name.toLowerCase(Locale.ROOT));
        chart.put("description", "The " + name + " app, published by apphost from its AppHost model.");
        chart.put("type", "application");
        chart.put("version", CHART_VERSION);
        chart.put("appVersion", CHART_VERSION);
        return chart;
    }

    static Map<String, Object> values(DeploymentPlan plan, Configuration configuration, HelmChartWriter writer) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> secrets = new LinkedHashMap<>();
        for (ParameterResource parameter : plan.parameters()) {
            String key = HelmChartWriter.valuesKey(parameter.name());
            if (parameter.generate() != null) {
                secrets.put(key, PasswordGenerator.generate(parameter.generate()));
            } else if (parameter.secret()) {
                secrets.put(key, "");
            } else {
                parameters.put(key, DockerComposePublisher.configuredValue(parameter, configuration));
            }
        }
        Map<String, Object> images = new LinkedHashMap<>();
        for (ComputeResource service : plan.services()) {
            if (service instanceof ProjectResource) {
                images.put(HelmChartWriter.valuesKey(service.name()), DockerComposePublisher.defaultImage(service.name()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("parameters", parameters);
        values.put("secrets", secrets);
        values.put("images", images);
        values.put("storage", writer.storage());
        return values;
    }
}
