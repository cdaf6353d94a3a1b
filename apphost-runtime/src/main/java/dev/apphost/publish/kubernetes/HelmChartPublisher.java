package dev.apphost.publish.kubernetes;

import dev.apphost.Configuration;
import dev.apphost.ExecutionContext;
import dev.apphost.model.AppModel;
import dev.apphost.publish.deploy.DeploymentSettings;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code --publisher kubernetes --output-path DIR}: writes a Helm chart. */
public final class HelmChartPublisher {

    private HelmChartPublisher() {
    }

    public static Path publish(AppModel model, ExecutionContext executionContext, Configuration configuration,
            DeploymentSettings settings, Path outputDirectory, PrintStream out) {
        throw new UnsupportedOperationException("not yet");
    }
}
