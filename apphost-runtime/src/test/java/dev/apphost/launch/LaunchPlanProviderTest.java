package dev.apphost.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPlanProviderTest {

    @TempDir
    Path dir;

    private Path pom(String folder, String... modules) throws IOException {
        Path pom = dir.resolve(folder).resolve("pom.xml");
        Files.createDirectories(pom.getParent());
        StringBuilder xml = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modules>");
        for (String module : modules) {
            xml.append("<module>").append(module).append("</module>");
        }
        Files.writeString(pom, xml.append("</modules></project>"));
        return pom;
    }

    @Test
    void reactorRootIsTheTopmostPomWhoseModulesLeadToTheModule() throws IOException {
        pom("root", "apps");
        pom("root/apps", "apphost/pom.xml");
        pom("root/apps/apphost");

        assertThat(LaunchPlanProvider.findReactorRoot(dir.resolve("root/apps/apphost"))).isEqualTo(dir.resolve("root"));
    }

    @Test
    void reactorRootStopsBelowAPomThatDoesNotListTheFolder() throws IOException {
        pom("repo", "lib");
        Files.createDirectories(dir.resolve("repo/.mvn"));
        pom("repo/samples", "other");
        pom("repo/samples/starter", "apphost", "api");
        pom("repo/samples/starter/apphost");

        assertThat(LaunchPlanProvider.findReactorRoot(dir.resolve("repo/samples/starter/apphost")))
                .isEqualTo(dir.resolve("repo/samples/starter"));
    }

    @Test
    void reactorRootStopsAtAFolderWithDotMvn() throws IOException {
        pom("outer", "inner");
        pom("outer/inner", "apphost");
        Files.createDirectories(dir.resolve("outer/inner/.mvn"));
        pom("outer/inner/apphost");

        assertThat(LaunchPlanProvider.findReactorRoot(dir.resolve("outer/inner/apphost")))
                .isEqualTo(dir.resolve("outer/inner"));
    }

    @Test
    void cachedPlanIsFreshUntilAPomChanges() throws IOException {
        pom("r", "apphost");
        Path modulePom = pom("r/apphost");
        Path plan = LaunchPlan.defaultLocation(dir.resolve("r/apphost"));
        new LaunchPlan(dir.resolve("r/apphost"), dir.resolve("r"), List.of()).write(plan);
        Files.setLastModifiedTime(modulePom, FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(dir.resolve("r/pom.xml"), FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(LaunchPlanProvider.isFresh(plan, dir.resolve("r"))).isTrue();

        Files.setLastModifiedTime(modulePom, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(LaunchPlanProvider.isFresh(plan, dir.resolve("r"))).isFalse();
    }

    @Test
    void missingPlanIsNotFresh() {
        assertThat(LaunchPlanProvider.isFresh(dir.resolve("none.json"), dir)).isFalse();
    }

    @Test
    void commandUsesTheWrapperAndNamesTheAppHostModule() throws IOException {
        pom("r");
        pom("r/apphost");
        Path wrapper = dir.resolve("r/mvnw");
        Files.writeString(wrapper, "#!/bin/sh");
        Files.writeString(dir.resolve("r/mvnw.cmd"), "@echo off");
        Path out = dir.resolve("r/apphost/target/apphost/launch-plan.json");

        List<String> command = LaunchPlanProvider.command(dir.resolve("r"), dir.resolve("r/apphost"), out, "1.2.3");

        assertThat(command.get(0)).endsWith("mvnw" + (System.getProperty("os.name").startsWith("Windows") ? ".cmd" : ""));
        assertThat(command).contains("-B", "-q", "dev.apphost:apphost-maven-plugin:1.2.3:launch-plan",
                "-Dapphost.launchPlan.output=" + out, "-Dapphost.module=" + dir.resolve("r/apphost"));
    }

    @Test
    void commandUsesAWrapperAboveTheReactor() throws IOException {
        pom("repo/samples/starter", "apphost");
        Files.writeString(dir.resolve("repo/mvnw"), "#!/bin/sh");
        Files.writeString(dir.resolve("repo/mvnw.cmd"), "@echo off");

        List<String> command = LaunchPlanProvider.command(dir.resolve("repo/samples/starter"),
                dir.resolve("repo/samples/starter/apphost"), dir.resolve("o"), "1");

        assertThat(Path.of(command.get(0)).getParent()).isEqualTo(dir.resolve("repo"));
        assertThat(command).containsSequence("-f", dir.resolve("repo/samples/starter/pom.xml").toString());
    }

    @Test
    void commandFallsBackToMvn() throws IOException {
        pom("r");

        List<String> command = LaunchPlanProvider.command(dir.resolve("r"), dir.resolve("r"), dir.resolve("o"), "1");

        assertThat(command.get(0)).startsWith("mvn");
        assertThat(command).noneMatch(a -> a.startsWith("-Dapphost.module="));
    }

    @Test
    void readsThePlanNamedByTheSystemProperty() throws IOException {
        Path file = dir.resolve("plan.json");
        LaunchPlan plan = new LaunchPlan(dir, dir, List.of());
        plan.write(file);
        String old = System.getProperty(LaunchPlan.SYSTEM_PROPERTY);
        System.setProperty(LaunchPlan.SYSTEM_PROPERTY, file.toString());
        try {
            assertThat(LaunchPlanProvider.obtain(dir.resolve("elsewhere"))).isEqualTo(plan);
        } finally {
            if (old == null) {
                System.clearProperty(LaunchPlan.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LaunchPlan.SYSTEM_PROPERTY, old);
            }
        }
    }

    @Test
    void knowsItsOwnVersion() {
        assertThat(LaunchPlanProvider.pluginVersion()).isNotBlank().doesNotStartWith("$");
    }
}
