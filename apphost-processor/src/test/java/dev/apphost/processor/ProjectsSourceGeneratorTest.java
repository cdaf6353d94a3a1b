package dev.apphost.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectsSourceGeneratorTest {

    private static final Path ROOT = Path.of("/work/shop/pom.xml").toAbsolutePath();

    private static NamedProject project(String name, String relative) {
        Path pom = ROOT.resolveSibling(relative).resolve("pom.xml");
        return new NamedProject(name, new ModuleInfo(pom, relative, "shop", relative, "1.0", "jar", null));
    }

    @Test
    void writesOneEmptyNestedClassPerProjectAndNoPath() {
        String source = new ProjectsSourceGenerator(true)
                .generate("com.shop", "com.shop.Host", List.of(project("Orders", "orders")));

        assertThat(source)
                .startsWith("package com.shop;\n")
                .contains("@Generated(\"dev.apphost.processor.AppHostProcessor\")\npublic final class Projects {")
                .contains("    private Projects() {\n    }")
                .contains("    public static final class Orders extends GeneratedProjectMetadata {\n    }")
                .contains("for {@link com.shop.Host}")
                .doesNotContain("/work/shop", "java.lang", "return ");
    }

    @Test
    void theTableHoldsCoordinatesAndPomsRelativeToTheAppHostModule() {
        String table = new ProjectsSourceGenerator(true).table(ROOT.resolveSibling("host"),
                List.of(project("Orders", "orders"), project("Billing", "services/billing")));

        assertThat(table.lines().filter(l -> !l.startsWith("#"))).containsExactly(
                "Orders\tshop\torders\t1.0\t../orders/pom.xml",
                "Billing\tshop\tservices/billing\t1.0\t../services/billing/pom.xml");
    }

    @Test
    void tableFieldsEscapeTabsNewlinesAndBackslashes() {
        assertThat(ProjectsSourceGenerator.escape("a\tb\nc\\d")).isEqualTo("a\\tb\\nc\\\\d");
    }

    @Test
    void withoutTheGeneratedAnnotationTypeTheAnnotationIsLeftOut() {
        String source = new ProjectsSourceGenerator(false)
                .generate("", "Host", List.of());

        assertThat(source).doesNotContain("@Generated", "package ").contains("public final class Projects {");
    }

    @Test
    void aNestedClassNamedLikeAnImportedTypeGetsItQualified() {
        String source = new ProjectsSourceGenerator(true).generate("com.shop", "com.shop.Host",
                List.of(project("Generated", "generated"), project("GeneratedProjectMetadata", "gpm")));

        assertThat(source)
                .doesNotContain("import ")
                .contains("@javax.annotation.processing.Generated(")
                .contains("class Generated extends dev.apphost.annotations.GeneratedProjectMetadata {")
                .contains("class GeneratedProjectMetadata extends dev.apphost.annotations.GeneratedProjectMetadata {");
    }

    @Test
    void javadocTextCannotBreakTheComment() {
        assertThat(ProjectsSourceGenerator.javadoc("C:\\util\\a*/b@2")).isEqualTo("C:/util/a*&#47;b@2");
    }

}
