package dev.apphost.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHostLocatorTest {

    @TempDir
    Path dir;

    private AppHostLocator.Module module(String name, String file, String source) throws IOException {
        Path root = dir.resolve(name).resolve("src/main/java");
        if (file != null) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, source);
        }
        return new AppHostLocator.Module(name, dir.resolve(name), List.of(root), false);
    }

    @Test
    void findsTheModuleWithAnImportedAppHostAnnotation() throws IOException {
        AppHostLocator.Module api = module("api", "a/Api.java", "package a; public class Api { }");
        AppHostLocator.Module host = module("apphost", "h/Main.java",
                "package h;\nimport dev.apphost.annotations.AppHost;\n@AppHost\npublic class Main { }");

        AppHostLocator.Found found = AppHostLocator.locate(List.of(api, host), null, dir);

        assertThat(found.module().artifactId()).isEqualTo("apphost");
        assertThat(found.appHostClass()).hasValue("h.Main");
    }

    @Test
    void acceptsTheFullyQualifiedAnnotationAndIgnoresCommentsAndOtherAppHosts() throws IOException {
        AppHostLocator.Module other = module("other", "o/X.java",
                "package o; import com.acme.AppHost; @AppHost class X { } // @dev.apphost.annotations.AppHost");
        AppHostLocator.Module host = module("host", "Main.java", "@dev.apphost.annotations.AppHost class Main { }");

        AppHostLocator.Found found = AppHostLocator.locate(List.of(other, host), "", dir);

        assertThat(found.module().artifactId()).isEqualTo("host");
        assertThat(found.appHostClass()).hasValue("Main");
    }

    @Test
    void readsTheExcludesOfTheAnnotation() throws IOException {
        AppHostLocator.Module host = module("host", "h/Main.java", "package h;\nimport dev.apphost.annotations.AppHost;\n"
                + "// @AppHost(exclude = \"commented\")\n@AppHost(\n  exclude = {\"shared-lib\", \"config\" /* not used */})\n"
                + "public class Main { }");
        AppHostLocator.Module single = module("single", "s/Main.java",
                "package s; import dev.apphost.annotations.*; @AppHost(exclude = \"lib\") class Main { }");
        AppHostLocator.Module none = module("none", "n/Main.java",
                "package n; import dev.apphost.annotations.*; @AppHost class Main { String exclude = \"x\"; }");

        assertThat(AppHostLocator.locate(List.of(host), null, dir).excludes()).containsExactlyInAnyOrder("shared-lib", "config");
        assertThat(AppHostLocator.locate(List.of(single), null, dir).excludes()).containsExactly("lib");
        assertThat(AppHostLocator.locate(List.of(none), null, dir).excludes()).isEmpty();
    }

    @Test
    void noneFailsListingModulesAndTheProperty() throws IOException {
        AppHostLocator.Module api = module("api", "a/Api.java", "package a; class Api { }");

        assertThatThrownBy(() -> AppHostLocator.locate(List.of(api), null, dir))
                .isInstanceOf(AppHostNotFoundException.class)
                .hasMessageContaining("No AppHost module found among api")
                .hasMessageContaining("-Dapphost.module=");
    }

    @Test
    void severalFailListingEachAndHowToChoose() throws IOException {
        String src = "package p; import dev.apphost.annotations.*; @AppHost class H { }";
        AppHostLocator.Module one = module("one", "p/H.java", src);
        AppHostLocator.Module two = module("two", "p/H.java", src);

        assertThatThrownBy(() -> AppHostLocator.locate(List.of(one, two), null, dir))
                .isInstanceOf(AppHostNotFoundException.class)
                .hasMessageContaining("one (p.H), two (p.H)")
                .hasMessageContaining("-Dapphost.module=one");
    }

    @Test
    void selectionByArtifactIdOrFolderOrPom() throws IOException {
        AppHostLocator.Module one = module("one", null, null);
        AppHostLocator.Module two = module("two", null, null);

        assertThat(AppHostLocator.locate(List.of(one, two), "two", dir).module()).isSameAs(two);
        assertThat(AppHostLocator.locate(List.of(one, two), "one/pom.xml", dir).module()).isSameAs(one);
        assertThat(AppHostLocator.locate(List.of(one, two), dir.resolve("two").toString(), dir).module()).isSameAs(two);
        assertThatThrownBy(() -> AppHostLocator.locate(List.of(one, two), "three", dir))
                .hasMessageContaining("matches no module")
                .hasMessageContaining("one, two");
    }

    @Test
    void pomPropertyMarksTheAppHost() {
        AppHostLocator.Module marked = new AppHostLocator.Module("m", dir.resolve("m"), List.of(), true);

        AppHostLocator.Found found = AppHostLocator.locate(List.of(marked), null, dir);

        assertThat(found.module()).isSameAs(marked);
        assertThat(found.appHostClass()).isEmpty();
    }
}
