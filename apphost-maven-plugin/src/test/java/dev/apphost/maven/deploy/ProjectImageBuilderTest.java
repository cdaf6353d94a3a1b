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
 * classes layer, unchanged inputs give the same image.
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
        ImageRequest request = new ImageRequest(launch, IMAGE, BASE, List.of("-Xshare:auto"), false, dir.resolve("cache"));
        ProjectImageBuilder builder = new ProjectImageBuilder(line -> { });

        String firstId = builder.build(request);
        List<String> first = layers();
        assertThat(run()).isEqualTo("Hello first, classpath has lib/Release.txt and other/Snapshot.txt, greeting hi");
        assertThat(builder.build(request)).as("same inputs, same image").isEqualTo(firstId);

        compile(classes, "Hello", "second");
        String secondId = builder.build(request);
        List<String> second = layers();
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(second).hasSameSizeAs(first);
        int last = first.size() - 1;
        assertThat(second.subList(0, last)).as("base, dependencies, snapshot dependencies, resources unchanged")
                .isEqualTo(first.subList(0, last));
        assertThat(second.get(last)).as("classes layer").isNotEqualTo(first.get(last));
        assertThat(run()).startsWith("Hello second");
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
