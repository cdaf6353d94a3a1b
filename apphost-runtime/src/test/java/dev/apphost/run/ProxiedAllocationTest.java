package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.ContainerLifetime;
import dev.apphost.ExecutionContext;
import dev.apphost.TestApps;
import dev.apphost.model.AppModel;
import dev.apphost.model.ContainerResource;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.EnvironmentPlanner;
import dev.apphost.plan.Network;
import dev.apphost.plan.RunValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ports and launch requests of proxied endpoints, replicas and persistent containers, without starting anything. */
class ProxiedAllocationTest {

    @TempDir
    Path temp;

    @Test
    void replicasShareTheHostPortAndEachGetsItsOwnTargetPortInItsEnvironment() throws Exception {
        var b = TestApps.builder(Map.of());
        var api = b.addExecutable("api", "true", ".").withHttpEndpoint(null, null, "http", "PORT").withReplicas(3);
        b.addExecutable("web", "true", ".").withReference(api);
        AppModel model = b.build().model();
        EndpointAllocation allocation = EndpointAllocation.allocate(model.computeResources(), new PortAllocator());
        AllocatedEndpoint http = allocation.find("api", "http");
        assertThat(http.hostPort()).isNotEqualTo(http.targetPort());
        List<Integer> targets = List.of(0, 1, 2).stream().map(i -> allocation.replica("api", i).get(0))
                .peek(e -> assertThat(e.hostPort()).isEqualTo(http.hostPort()))
                .map(AllocatedEndpoint::targetPort).toList();
        assertThat(targets).doesNotHaveDuplicates().startsWith(http.targetPort()).doesNotContain(http.hostPort());

        RunValues values = new RunValues(model, p -> "", allocation);
        var resolver = new LaunchRequestResolver(new EnvironmentPlanner(model, ExecutionContext.run()), values, allocation, () -> null);
        LaunchRequest request = resolver.resolve(model.computeResources().get(0), Network.HOST);
        assertThat(request.replicas()).extracting(r -> r.environment().get("PORT"))
                .containsExactly(targets.stream().map(String::valueOf).toArray(String[]::new));
        LaunchRequest web = resolver.resolve(model.computeResources().get(1), Network.HOST);
        assertThat(web.environment().get("services__api__http__0")).isEqualTo("http://localhost:" + http.hostPort());
        assertThat(web.replicas()).isEmpty();
    }

    @Test
    void aProxiedEndpointSplitsHostAndTargetPortAndRejectsEqualOnes() {
        var b = TestApps.builder(Map.of());
        b.addExecutable("a", "true", ".").withHttpEndpoint(45210, null, "http").withEndpoint("http", e -> e.isProxied(true));
        b.addExecutable("same", "true", ".").withHttpEndpoint(45211, 45211, "http")
                .withEndpoint("http", e -> e.isProxied(true));
        AppModel model = b.build().model();
        EndpointAllocation allocation = EndpointAllocation.allocate(model.computeResources(), new PortAllocator());
        assertThat(allocation.find("a", "http").hostPort()).isEqualTo(45210);
        assertThat(allocation.find("a", "http").targetPort()).isNotEqualTo(45210);
        assertThat(allocation.problem("same")).contains("is proxied, so port and targetPort cannot both be 45211");
    }

    @Test
    void differentPortAndTargetPortWithoutTheProxyPointToIt() {
        var b = TestApps.builder(Map.of());
        b.addExecutable("a", "true", ".").withHttpEndpoint(45220, 45221, "http");
        b.addExecutable("b", "true", ".").withHttpEndpoint(45222, 45223, "http").withEndpoint("http", e -> e.isProxied(true));
        AppModel model = b.build().model();
        EndpointAllocation allocation = EndpointAllocation.allocate(model.computeResources(), new PortAllocator());
        assertThat(allocation.problem("a")).contains("withEndpoint(\"http\", e -> e.isProxied(true))");
        assertThat(allocation.problem("b")).isNull();
        assertThat(allocation.find("b", "http")).extracting(AllocatedEndpoint::hostPort, AllocatedEndpoint::targetPort)
                .containsExactly(45222, 45223);
    }

    @Test
    void withEndpointNamesTheEndpointsThereAreWhenTheNameIsUnknown() {
        var b = TestApps.builder(Map.of());
        assertThatThrownBy(() -> b.addExecutable("a", "true", ".").withHttpEndpoint().withEndpoint("https", e -> { }))
                .hasMessageContaining("has no endpoint named 'https'").hasMessageContaining("Its endpoints are: http");
    }

    @Test
    void aPersistentContainerKeepsItsAllocatedHostPortAcrossRuns() throws Exception {
        PersistentPorts remembered = new PersistentPorts(temp.resolve("ports.properties"));
        var b = TestApps.builder(Files.createDirectories(temp.resolve("app")), Map.of());
        b.addContainer("cache", "docker.io/library/redis", "8.2").withEndpoint(null, 6379, "tcp", null, null)
                .withLifetime(ContainerLifetime.PERSISTENT);
        b.addContainer("session", "docker.io/library/redis", "8.2").withEndpoint(null, 6379, "tcp", null, null);
        AppModel model = b.build().model();
        ContainerResource cache = (ContainerResource) model.computeResources().get(0);
        assertThat(cache.containerName()).matches("cache-[0-9a-f]{8}");
        int first = EndpointAllocation.allocate(model.computeResources(), new PortAllocator(), remembered)
                .find("cache", "tcp").hostPort();
        EndpointAllocation second = EndpointAllocation.allocate(model.computeResources(), new PortAllocator(), remembered);
        assertThat(second.find("cache", "tcp").hostPort()).isEqualTo(first);
        assertThat(second.find("session", "tcp").hostPort()).isNotEqualTo(first);
        assertThat(Files.readString(remembered.file())).contains(cache.containerName() + "/tcp=" + first);
        remembered.forget(cache.containerName());
        assertThat(Files.readString(remembered.file())).doesNotContain(cache.containerName());
    }

    @Test
    void theContainerNameMustBeValid() {
        var b = TestApps.builder(Map.of());
        assertThatThrownBy(() -> b.addContainer("c", "img").withContainerName("no spaces"))
                .isInstanceOf(dev.apphost.InvalidResourceArgumentException.class)
                .hasMessageContaining("Resource 'c': 'no spaces' is not a valid container name");
    }
}
