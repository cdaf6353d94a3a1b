package dev.apphost.maven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.launch.ProjectLaunch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a small module into an image in the local engine, from the local JRE base image
 * (scripts/setup-deploy.sh), runs it, and checks the layering: a changed class replaces only the
 * classes layer (and is the only layer Jib builds anew), unchanged inputs give the same image, and an
 * image the engine already has from the same inputs is reused without running Jib.
 */
class ProjectImageBuilderTest {

    static final String BASE = "docker://local/jre:17";
    static final String IMAGE = "apphost-test/image-builder:latest";

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireEngineAndBaseImage() {
        try {
            ComposeCommand.exec(List.of("docker", "image", "inspect", "local/jre:17"), null, Map.of(), Duration.ofSeconds(20));
        } catch (DeployException e) {
            Assumptions.abort("needs a Docker engine with local/jre:17 (bash scripts/setup-deploy.sh): " + e.getMessage());
        }
    }

    @AfterAll
    static void removeImage() {
        try {
            ComposeCommand.exec(List.of("docker", "image", "rm", "-f", IMAGE), null, Map.of(), Duration.ofSeconds(30));
        } catch (DeployException e) {
            // already gone
        }
    }

    @Test
    void aChangedClassReplacesOnlyTheClassesLayer() throws Exception {
        Path module = dir.resolve("hello");
        Path classes = module.resolve("target/classes");
        compile(classes, "Hello", "first");
        Files.writeString(classes.resolve("greeting.properties"), "text=hi\n");
        Path release = jar(dir.resolve("repo/lib-1.0.jar"), "lib/Release.txt");
        Path snapshot = jar(dir.resolve("repo/other-2.0-SNAPSHOT.jar"), "other/Snapshot.txt");
        ProjectLaunch launch = new ProjectLaunch(module.resolve("pom.xml"), "g", "hello", "1.0", module, classes,
                List.of(classes, release, snapshot), "demo.Hello", List.of("demo.Hello"));
        ProjectImageBuilder builder = new ProjectImageBuilder(line -> { });
        // the contents are read again at each build, as each apphost:deploy does
        Callable<ProjectImageBuilder.BuiltImage> build = () -> builder.build(
                builder.content(launch, BASE, List.of("-Xshare:auto")), IMAGE, false, dir.resolve("cache"));

        ProjectImageBuilder.BuiltImage first = build.call();
        List<String> firstLayers = layers();
        assertThat(first.reused()).isFalse();
        assertThat(run()).isEqualTo("Hello first, classpath has lib/Release.txt and other/Snapshot.txt, greeting hi");
        assertThat(build.call()).as("same inputs: the engine's image is reused, Jib does not run")
                .isEqualTo(new ProjectImageBuilder.BuiltImage(first.id(), true));
        removeImage();
        assertThat(build.call()).as("same inputs built again by Jib: the same image")
                .isEqualTo(new ProjectImageBuilder.BuiltImage(first.id(), false));

        List<Path> cachedLayers = cachedApplicationLayers();
        compile(classes, "Hello", "second");
        ProjectImageBuilder.BuiltImage second = build.call();
        List<String> secondLayers = layers();
        assertThat(second.reused()).isFalse();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(secondLayers).hasSameSizeAs(firstLayers);
        int last = firstLayers.size() - 1;
        assertThat(secondLayers.subList(0, last)).as("base, dependencies, snapshot dependencies, resources unchanged")
                .isEqualTo(firstLayers.subList(0, last));
        assertThat(secondLayers.get(last)).as("classes layer").isNotEqualTo(firstLayers.get(last));
        List<Path> built = new ArrayList<>(cachedApplicationLayers());
        built.removeAll(cachedLayers);
        assertThat(built).as("layers Jib built anew into its cache: only the classes layer").hasSize(1);
        assertThat(run()).startsWith("Hello second");
    }

    /** Jib's application layer cache: one folder per layer it has built, named by the layer's digest. */
    private static List<Path> cachedApplicationLayers() throws IOException {
        try (var layers = Files.list(dir.resolve("cache/application/layers"))) {
            return layers.sorted().toList();
        }
    }

    private static List<String> layers() throws DeployException {
        String out = ComposeCommand.exec(List.of("docker", "image", "inspect", "--format",
                "{{range .RootFS.Layers}}{{println .}}{{end}}", IMAGE), null, Map.of(), Duration.ofSeconds(20));
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static String run() throws DeployException {
        return ComposeCommand.exec(List.of("docker", "run", "--rm", IMAGE), null, Map.of(), Duration.ofSeconds(60)).strip();
    }

    private static void compile(Path classes, String name, String word) throws IOException {
        Path source = dir.resolve("src/demo/" + name + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package demo;\n"
                + "public class " + name + " {\n"
                + "  public static void main(String[] args) throws Exception {\n"
                + "    ClassLoader l = " + name + ".class.getClassLoader();\n"
                + "    java.util.Properties p = new java.util.Properties();\n"
                + "    p.load(l.getResourceAsStream(\"greeting.properties\"));\n"
                + "    System.out.println(\"Hello " + word + ", classpath has \" + (l.getResource(\"lib/Release.txt\") != null ? \"lib/Release.txt\" : \"-\")\n"
                + "        + \" and \" + (l.getResource(\"other/Snapshot.txt\") != null ? \"other/Snapshot.txt\" : \"-\") + \", greeting \" + p.getProperty(\"text\"));\n"
                + "  }\n"
                + "}\n");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", source.toString()));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
    }

    private static Path jar(Path file, String entry) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            JarEntry e = new JarEntry(entry);
            e.setTime(0);
            jar.putNextEntry(e);
            jar.write("x".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }
}
