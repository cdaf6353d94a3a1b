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

    private Path pom(String folder) throws IOException {
        Path pom = dir.resolve(folder).resolve("pom.xml");
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "<project/>");
        return pom;
    }

    @Test
    void reactorRootIsTheTopmostFolderWithAPom() throws IOException {
        pom("root");
        pom("root/apps");
        pom("root/apps/apphost");

        assertThat(LaunchPlanProvider.findReactorRoot(dir.resolve("root/apps/apphost"))).isEqualTo(dir.resolve("root"));
    }

    @Test
    void reactorRootStopsAtAFolderWithDotMvn() throws IOException {
        pom("outer");
        pom("outer/inner");
        Files.createDirectories(dir.resolve("outer/inner/.mvn"));
        pom("outer/inner/apphost");

        assertThat(LaunchPlanProvider.findReactorRoot(dir.resolve("outer/inner/apphost")))
                .isEqualTo(dir.resolve("outer/inner"));
    }

    @Test
    void cachedPlanIsFreshUntilAPomChanges() throws IOException {
        pom("r");
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
