package dev.apphost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input is refused by the call that receives it (or by build()), naming the resource, the argument and the fix. */
class InputValidationTest {

    private final DistributedApplicationBuilder builder = TestProjects.builder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nginx|repository names must be lowercase; use 'nginx'",
        "docker.io/Library/Redis:8.2|repository names must be lowercase; use 'docker.io/library/redis'",
        "'ngi nx'|contains white space",
        "'nginx '|contains white space",
        "nginx:|ends with ':' but has no tag",
        "nginx@sha256:xyz|invalid digest 'sha256:xyz'",
        "nginx:-bad|invalid tag '-bad'",
        "'  '|the image must not be empty",
        ":1.0|has no repository name",
    })
    void imageReferencesTheEngineWouldRefuseFailAtTheCall(String image, String reason) {
        assertThatThrownBy(() -> builder.addContainer("web", image))
                .isInstanceOf(InvalidResourceArgumentException.class)
                .hasMessageStartingWith("Resource 'web': ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((InvalidResourceArgumentException) e).argument()).isEqualTo("image"));
    }

    @Test
    void aTagGivenTwiceOrEmptyFailsAtTheCall() {
        assertThatThrownBy(() -> builder.addContainer("web", "nginx:1.27", "1.28"))
                .isInstanceOf(InvalidResourceArgumentException.class)
                .hasMessage("Resource 'web': the image 'nginx:1.27' already names a tag, and the tag '1.28' is given as "
                        + "well; give it once: addContainer(\"web\", \"nginx\", \"1.27\").");
        assertThatThrownBy(() -> builder.addContainer("web", "nginx", ""))
                .isInstanceOf(InvalidResourceArgumentException.class)
                .hasMessageContaining("the tag must not be empty");
        assertThatThrownBy(() -> builder.addContainer("web", "nginx", "bad tag"))
                .isInstanceOf(InvalidResourceArgumentException.class).hasMessageContaining("invalid tag 'bad tag'");
    }

    @Test
    void validReferencesKeepTheirMeaning() {
        String digest = "sha256:" + "a".repeat(64);
        assertThat(builder.addContainer("a", "nginx").resource().imageReference()).isEqualTo("nginx:latest");
        assertThat(builder.addContainer("b", "localhost:5000/team/app").resource().imageReference())
                .isEqualTo("localhost:5000/team/app:latest");
        assertThat(builder.addContainer("c", "nginx@" + digest).resource().imageReference()).isEqualTo("nginx@" + digest);
        assertThat(builder.addContainer("d", "ghcr.io/acme/api:1.2@" + digest).resource().imageReference())
                .isEqualTo("ghcr.io/acme/api:1.2@" + digest);
        assertThat(builder.addContainer("e", "local/httpd", "1").resource().imageReference()).isEqualTo("local/httpd:1");
    }

    @Test
    void environmentNamesWithAnEqualsSignOrEmptyAreRefused() {
        var web = builder.addContainer("web", "nginx");
        assertThatThrownBy(() -> web.withEnvironment("A=B", "c"))
                .isInstanceOf(InvalidResourceArgumentException.class)
                .hasMessageStartingWith("Resource 'web': the environment variable name 'A=B' contains '='")
                .hasMessageContaining("withEnvironment(\"NAME\", \"value\")");
        assertThatThrownBy(() -> web.withEnvironment("", "c"))
                .isInstanceOf(InvalidResourceArgumentException.class).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> web.withHttpEndpoint(null, 80, "http", "P=ORT"))
                .isInstanceOf(InvalidResourceArgumentException.class).hasMessageContaining("'P=ORT' contains '='");
    }

    @Test
    void mountTargetsMustBeAbsoluteAndSourcesNotEmpty() {
        var web = builder.addContainer("web", "nginx");
        assertThatThrownBy(() -> web.withVolume("data", "data"))
                .isInstanceOf(InvalidResourceArgumentException.class)
                .hasMessage("Resource 'web': the mount target 'data' must be an absolute path inside the container, "
                        + "such as '/data'.");
        assertThatThrownBy(() -> web.withBindMount("conf", "./etc/conf"))
                .isInstanceOf(InvalidResourceArgumentException.class).hasMessageContaining("such as '/etc/conf'");
        assertThatThrownBy(() -> web.withBindMount("", "/etc/conf"))
                .isInstanceOf(InvalidResourceArgumentException.class)
                .hasMessageContaining("the bind-mount source must not be empty (it would mount the AppHost's folder");
        assertThatThrownBy(() -> web.withVolume("my volume", "/data"))
                .isInstanceOf(InvalidResourceArgumentException.class).hasMessageContaining("not a valid volume name");
        assertThatCode(() -> web.withVolume(null, "/anonymous").withBindMount("conf", "\\etc\\conf"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> web.withEntrypoint(" "))
                .isInstanceOf(InvalidResourceArgumentException.class).hasMessageContaining("entrypoint must not be empty");
    }

    @Test
    void emptyCommandsAreRefused() {
        assertThatThrownBy(() -> builder.addExecutable("worker", " ", "."))
                .isInstanceOf(InvalidResourceArgumentException.class)
                .hasMessageStartingWith("Resource 'worker': the command must not be empty");
    }

    @Test
    void nullArgumentsNameTheResourceAndTheParameter() {
        var web = builder.addContainer("web", "nginx");
        assertThatThrownBy(() -> web.withArgs((String[]) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Resource 'web': the argument 'values' must not be null.");
        assertThatThrownBy(() -> web.withArgs("a", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Resource 'web': the argument 'values[1]' must not be null.");
        assertThatThrownBy(() -> web.withArgs((ValueSource) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'values[0]'");
        assertThatThrownBy(() -> web.withContainerRuntimeArgs((String) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'args[0]'");
        assertThatThrownBy(() -> web.withEnvironment(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("Resource 'web': the argument 'name' must not be null.");
        assertThatThrownBy(() -> web.withBindMount("src", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'target'");
        assertThatThrownBy(() -> builder.addContainer("img", null))
                .isInstanceOf(NullPointerException.class).hasMessage("Resource 'img': the argument 'image' must not be null.");
        assertThatThrownBy(() -> web.waitFor(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'dependency'");
    }

    @Test
    void waitForAndWithReferenceRefuseResourcesOfAnotherBuilder() {
        var other = TestProjects.builder().addRedis("cache");
        var web = builder.addContainer("web", "nginx");
        assertThatThrownBy(() -> web.waitFor(other))
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessage("Resource 'web' cannot wait for 'cache' because 'cache' was added to a different "
                        + "DistributedApplicationBuilder. Add 'cache' to the same builder as 'web'.");
        assertThatThrownBy(() -> web.withReference(other))
                .isInstanceOf(DistributedApplicationException.class).hasMessageContaining("cannot reference 'cache'");
    }

    @Test
    void anEndpointReferenceToAResourceOfAnotherBuilderFailsAtBuild() {
        var otherApi = TestProjects.builder().addContainer("api", "nginx").withHttpEndpoint(null, 80, "http");
        builder.addContainer("web", "nginx").withReference(otherApi.getEndpoint("http"));
        assertThatThrownBy(builder::build)
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessageStartingWith("Resource 'web' references 'api', which is not a resource of this application");
    }

    @Test
    void twoResourcesOnOneFixedHostPortFailAtBuild() {
        builder.addContainer("one", "nginx").withHttpEndpoint(18080, 80, "http");
        builder.addExecutable("two", "python3", ".").withHttpEndpoint(null, 18080, "web");
        assertThatThrownBy(builder::build)
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessage("Host port 18080 is used by both endpoint 'http' of resource 'one' and endpoint 'web' of "
                        + "resource 'two'; a port can be bound only once. Give one of them another port, or null to "
                        + "have a free one allocated.");
    }

    @Test
    void theSamePortInPublishModeIsTheDeploymentsBusiness() {
        var publish = TestApps.builder(Path.of("/work/app/apphost"), Map.of(), "--publisher", "manifest");
        publish.addContainer("one", "nginx").withHttpEndpoint(18080, 80, "http");
        publish.addContainer("two", "nginx").withHttpEndpoint(18080, 80, "http");
        assertThatCode(publish::build).doesNotThrowAnyException();
    }

    @Test
    void portsOutOfRangeAreArgumentMistakes() {
        assertThatThrownBy(() -> builder.addContainer("web", "nginx").withHttpEndpoint(70000, 80, "http"))
                .isInstanceOf(InvalidResourceArgumentException.class)
                .hasMessage("Resource 'web': port 70000 is not a valid port; use 1-65535, or null to have one allocated.");
    }
}
