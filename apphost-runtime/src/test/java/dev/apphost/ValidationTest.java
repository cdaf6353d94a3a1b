package dev.apphost;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "test_name|Name must contain only ASCII letters, digits, and hyphens.",
        "1abc|Name must start with an ASCII letter.",
        "-abc|Name must start with an ASCII letter.",
        "abc-|Name cannot end with a hyphen.",
        "a--b|Name cannot contain consecutive hyphens.",
        "a.b|Name must contain only ASCII letters, digits, and hyphens.",
        "a b|Name must contain only ASCII letters, digits, and hyphens.",
        "Ünicode|Name must contain only ASCII letters, digits, and hyphens.",
    })
    void invalidNamesGiveAspiresMessage(String name, String reason) {
        var builder = TestProjects.builder();
        assertThatThrownBy(() -> builder.addContainer(name, "image"))
                .isInstanceOf(InvalidResourceNameException.class)
                .hasMessage("Resource name '" + name + "' is invalid. " + reason);
    }

    @Test
    void lengthIsCheckedFirst() {
        var builder = TestProjects.builder();
        String tooLong = "a".repeat(65);
        assertThatThrownBy(() -> builder.addParameter(tooLong))
                .hasMessage("Resource name '" + tooLong + "' is invalid. Name must be between 1 and 64 characters long.");
        assertThatThrownBy(() -> builder.addParameter(""))
                .hasMessage("Resource name '' is invalid. Name must be between 1 and 64 characters long.");
        assertThatCode(() -> builder.addParameter("a".repeat(64))).doesNotThrowAnyException();
    }

    @Test
    void consecutiveHyphensAreFoundBeforeALaterBadCharacter() {
        assertThatThrownBy(() -> TestProjects.builder().addParameter("a--b_c"))
                .hasMessageEndingWith("Name cannot contain consecutive hyphens.");
    }

    @Test
    void duplicateNamesAreCaseInsensitiveAndNameBothJavaTypes() {
        var builder = TestProjects.builder();
        builder.addContainer("test", "image");
        assertThatThrownBy(() -> builder.addContainer("TEST", "image"))
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessage("Cannot add resource of type 'dev.apphost.ContainerResourceBuilder' with name 'TEST' because "
                        + "resource of type 'dev.apphost.ContainerResourceBuilder' with that name already exists. "
                        + "Resource names are case-insensitive.");
        assertThatThrownBy(() -> builder.addParameter("Test"))
                .hasMessageContaining("type 'dev.apphost.ParameterResourceBuilder' with name 'Test'")
                .hasMessageContaining("resource of type 'dev.apphost.ContainerResourceBuilder' with that name");
    }

    @Test
    void generatedPasswordNamesCollideToo() {
        var builder = TestProjects.builder();
        builder.addRedis("cache");
        assertThatThrownBy(() -> builder.addParameter("cache-password"))
                .hasMessageContaining("with name 'cache-password' because resource of type 'dev.apphost.ParameterResourceBuilder'");
    }

    @Test
    void duplicateEndpointNames() {
        var container = TestProjects.builder().addContainer("c", "image").withHttpsEndpoint();
        assertThatThrownBy(container::withHttpsEndpoint)
                .hasMessageStartingWith(String.format(ComputeResourceBuilder.DUPLICATE_ENDPOINT, "https"))
                .hasMessageStartingWith("Endpoint with name 'https' already exists. Endpoint name may not have been "
                        + "explicitly specified");
        var project = TestProjects.builder().addProject(TestProjects.ApiService.class, "api");
        assertThatThrownBy(project::withHttpEndpoint).hasMessageStartingWith("Endpoint with name 'http' already exists.");
    }

    @Test
    void invalidEndpointNames() {
        var container = TestProjects.builder().addContainer("c", "image");
        assertThatThrownBy(() -> container.withHttpEndpoint(null, 80, "my_endpoint"))
                .isInstanceOf(InvalidResourceNameException.class)
                .hasMessage("EndpointAnnotation name 'my_endpoint' is invalid. "
                        + "Name must contain only ASCII letters, digits, and hyphens.");
    }

    @Test
    void waitingForItself() {
        var builder = TestProjects.builder();
        var a = builder.addExecutable("a", "sleep", ".", "1");
        assertThatThrownBy(() -> a.waitFor(a)).hasMessage("The 'a' resource cannot wait for itself.");
    }

    @Test
    void waitCyclesPrintTheCycle() {
        var builder = TestProjects.builder();
        var a = builder.addExecutable("a", "sleep", ".", "1");
        var b = builder.addExecutable("b", "sleep", ".", "1");
        var c = builder.addExecutable("c", "sleep", ".", "1");
        a.waitFor(b);
        b.waitFor(c);
        assertThatThrownBy(() -> c.waitFor(a))
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessage("The 'c' resource cannot wait for 'a' because 'a' already waits for 'c': "
                        + "waitFor cycle c -> a -> b -> c.");
    }

    @Test
    void referenceToSomethingWithoutConnectionStringOrEndpoints() {
        var builder = TestProjects.builder();
        var parameter = builder.addParameter("p");
        var bare = builder.addContainer("bare", "image");
        var consumer = builder.addExecutable("consumer", "sleep", ".", "1");
        String message = "The resource '%s' can't be used with withReference because it doesn't provide a connection "
                + "string, service discovery, or a custom withReference implementation.";
        assertThatThrownBy(() -> consumer.withReference(parameter)).hasMessage(String.format(message, "p"));
        assertThatThrownBy(() -> consumer.withReference(bare)).hasMessage(String.format(message, "bare"));
    }

    @Test
    void unknownEndpointName() {
        var container = TestProjects.builder().addContainer("myapp", "image").withHttpEndpoint(9043, null, "endpoint");
        assertThatThrownBy(() -> container.getEndpoint("http"))
                .hasMessageStartingWith("Resource 'myapp' has no endpoint named 'http'. Its endpoints are: endpoint.");
    }

    @Test
    void portsAreChecked() {
        var container = TestProjects.builder().addContainer("c", "image");
        assertThatThrownBy(() -> container.withHttpEndpoint(70000, null, "http"))
                .hasMessageContaining("port 70000 is not a valid port");
    }
}
