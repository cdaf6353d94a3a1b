package dev.apphost.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainClassResolverTest {

    @TempDir
    Path dir;

    private Path compile(Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        return classes;
    }

    private MainClassResolver.Module module(Map<String, String> properties, String manifest, Path classes) {
        return new MainClassResolver.Module("svc", dir.resolve("pom.xml"), properties, manifest, classes);
    }

    @Test
    void findsTheSingleClassWithAPublicStaticVoidMain() throws IOException {
        Path classes = compile(Map.of(
                "com.example.App", "package com.example; public class App {"
                        + " public static void main(String[] args) {} static final long L = 1L; double d = 2.0;"
                        + " Runnable r = () -> {}; String s = \"x\"; }",
                "com.example.Helper", "package com.example; class Helper { static void main(String[] a) {} }",
                "com.example.Other", "package com.example; public class Other { public void main(String[] a) {} }",
                "com.example.Wrong", "package com.example; public class Wrong { public static void main(String a) {} }",
                "com.example.Iface", "package com.example; public interface Iface { default void x() {} }"));

        assertThat(MainClassResolver.resolve(module(Map.of(), null, classes))).isEqualTo("com.example.App");
    }

    @Test
    void findsNestedClassesByTheirBinaryName() throws IOException {
        Path classes = compile(Map.of("p.Outer", "package p; public class Outer {"
                + " public static class Inner { public static void main(String... args) {} } }"));

        assertThat(MainClassResolver.findMainClasses(classes)).containsExactly("p.Outer$Inner");
    }

    @Test
    void propertiesWinInOrderOverManifestAndScan() throws IOException {
        Path classes = compile(Map.of("a.Main", "package a; public class Main { public static void main(String[] x) {} }"));

        assertThat(MainClassResolver.resolve(module(Map.of("exec.mainClass", "b.Exec", "start-class", "b.Boot"),
                "b.Manifest", classes))).isEqualTo("b.Exec");
        assertThat(MainClassResolver.resolve(module(
                Map.of("apphost.mainClass", "b.AppHost", "exec.mainClass", "b.Exec"), null, classes)))
                .isEqualTo("b.AppHost");
        assertThat(MainClassResolver.resolve(module(Map.of("start-class", "b.Boot"), "b.Manifest", classes)))
                .isEqualTo("b.Boot");
        assertThat(MainClassResolver.resolve(module(Map.of(), "b.Manifest", classes))).isEqualTo("b.Manifest");
    }

    @Test
    void unresolvedPlaceholdersFallBackToTheScan() throws IOException {
        Path classes = compile(Map.of("a.Main", "package a; public class Main { public static void main(String[] x) {} }"));

        // spring-boot-starter-parent: <mainClass>${start-class}</mainClass> with no start-class defined
        assertThat(MainClassResolver.resolve(module(Map.of(), "${start-class}", classes))).isEqualTo("a.Main");
        assertThat(MainClassResolver.resolve(module(Map.of("exec.mainClass", "${main.class}"), null, classes)))
                .isEqualTo("a.Main");
        assertThat(MainClassResolver.resolve(module(Map.of("start-class", "b.Boot"), "${start-class}", classes)))
                .isEqualTo("b.Boot");
    }

    @Test
    void severalMainClassesFailListingCandidatesAndProperties() throws IOException {
        Path classes = compile(Map.of(
                "a.One", "package a; public class One { public static void main(String[] x) {} }",
                "a.Two", "package a; public class Two { public static void main(String[] x) {} }"));

        assertThatThrownBy(() -> MainClassResolver.resolve(module(Map.of(), null, classes)))
                .isInstanceOf(MainClassNotFoundException.class)
                .hasMessageContaining("Several main classes found in module 'svc'")
                .hasMessageContaining("a.One, a.Two")
                .hasMessageContaining("apphost.mainClass, exec.mainClass, start-class");
    }

    @Test
    void noMainClassFailsNamingTheModuleAndProperties() throws IOException {
        Path classes = compile(Map.of("a.Lib", "package a; public class Lib { }"));

        assertThatThrownBy(() -> MainClassResolver.resolve(module(Map.of(), null, classes)))
                .isInstanceOf(MainClassNotFoundException.class)
                .hasMessageContaining("No main class found in module 'svc'")
                .hasMessageContaining("apphost.mainClass");
    }

    @Test
    void missingClassesDirectoryYieldsNoCandidates() {
        MainClassResolver.Result result = MainClassResolver.tryResolve(module(Map.of(), null, dir.resolve("none")));

        assertThat(result.mainClass()).isNull();
        assertThat(result.candidates()).isEmpty();
    }

    @Test
    void ignoresFilesThatAreNotClassFiles() throws IOException {
        Path classes = compile(Map.of("a.Main", "package a; public class Main { public static void main(String[] x) {} }"));
        Files.writeString(classes.resolve("Broken.class"), "not a class");

        assertThat(MainClassResolver.findMainClasses(classes)).containsExactly("a.Main");
    }
}
