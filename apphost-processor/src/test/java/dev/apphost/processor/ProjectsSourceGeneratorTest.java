package dev.apphost.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectsSourceGeneratorTest {

    private static final Path ROOT = Path.of("/work/shop/pom.xml").toAbsolutePath();

    private static Reactor reactor() {
        return new Reactor(ROOT, ROOT.resolveSibling("host/pom.xml"), List.of(), List.of());
    }

    private static NamedProject project(String name, String relative) {
        Path pom = ROOT.resolveSibling(relative).resolve("pom.xml");
        return new NamedProject(name, new ModuleInfo(pom, relative, "shop", relative, "1.0", "jar", null));
    }

    @Test
    void writesOneNestedClassPerProjectWithConstantValues() {
        String source = new ProjectsSourceGenerator(true)
                .generate("com.shop", "com.shop.Host", reactor(), List.of(project("Orders", "orders")))
                .toString();

        assertThat(source)
                .startsWith("package com.shop;\n")
                .contains("@Generated(\"dev.apphost.processor.AppHostProcessor\")\npublic final class Projects {")
                .contains("    private Projects() {\n    }")
                .contains("    public static final class Orders implements ProjectMetadata {")
                .contains("        public Orders() {\n        }")
                .contains("        @Override\n        public String projectPath() {\n            return \""
                        + ROOT.resolveSibling("orders/pom.xml") + "\";")
                .contains("return \"shop\";", "return \"orders\";", "return \"1.0\";")
                .contains("for {@link com.shop.Host}")
                .doesNotContain("java.lang");
    }

    @Test
    void withoutTheGeneratedAnnotationTypeTheAnnotationIsLeftOut() {
        String source = new ProjectsSourceGenerator(false)
                .generate("", "Host", reactor(), List.of()).toString();

        assertThat(source).doesNotContain("@Generated", "package ").contains("public final class Projects {");
    }

    @Test
    void javadocTextCannotBreakTheComment() {
        assertThat(ProjectsSourceGenerator.javadoc("C:\\util\\a*/b@2")).isEqualTo("C:/util/a*&#47;b@2");
    }

    @Test
    void stringLiteralsAreEscaped() {
        Path pom = Path.of("/tmp/we\"ird/pom.xml");
        NamedProject odd = new NamedProject("Odd",
                new ModuleInfo(pom, "we\"ird", "g", "a", "1", "jar", null));

        String source = new ProjectsSourceGenerator(true).generate("p", "p.H", reactor(), List.of(odd)).toString();

        assertThat(source).contains("return \"/tmp/we\\\"ird/pom.xml\";");
    }
}
