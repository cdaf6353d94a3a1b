package dev.apphost.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.Configuration;
import dev.apphost.DistributedApplication;
import dev.apphost.ExecutionContext;
import dev.apphost.plan.ParameterValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code addParameter(name, value, publishValueAsDefault, secret)}: Aspire's constant parameter default. */
class ParameterDefaultsTest {

    @TempDir
    Path temp;

    @Test
    void publishedValueIsTheInputsDefault() {
        var builder = DistributedApplication.createBuilder("--publisher", "manifest");
        builder.addParameter("goversion", "1.22", true, false);
        builder.addParameter("quiet", "x<y");
        String manifest = new ManifestWriter().write(builder.build().model(), ExecutionContext.publish("manifest"), temp);
        ManifestTestSupport.assertValidManifest(manifest);
        assertThat(manifest).isEqualTo("""
                {
                  "$schema": "https://json.schemastore.org/aspire-8.0.json",
                  "resources": {
                    "goversion": {
                      "type": "parameter.v0",
                      "value": "{goversion.inputs.value}",
                      "inputs": {
                        "value": {
                          "type": "string",
                          "default": {
                            "value": "1.22"
                          }
                        }
                      }
                    },
                    "quiet": {
                      "type": "parameter.v0",
                      "value": "{quiet.inputs.value}",
                      "inputs": {
                        "value": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }""");
    }

    @Test
    void secretCannotBePublishedAsDefault() {
        var builder = DistributedApplication.createBuilder();
        assertThatThrownBy(() -> builder.addParameter("p", "v", true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A parameter cannot be both secret and published as a default value.");
    }

    @Test
    void runModeFallsBackToTheValueAfterConfiguration() {
        var builder = DistributedApplication.createBuilder();
        builder.addParameter("fallback", "1.22");
        builder.addParameter("configured", "1.22");
        var configuration = Configuration.of(Map.of(), Map.of(), Map.of(), List.of("--Parameters:configured=2"));
        var values = new ParameterValues(builder.build().model(), configuration, null);
        assertThat(values.value("fallback")).isEqualTo("1.22");
        assertThat(values.value("configured")).isEqualTo("2");
    }
}
