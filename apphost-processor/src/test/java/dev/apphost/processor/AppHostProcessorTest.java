package dev.apphost.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.apphost.annotations.AppHost;
import dev.apphost.annotations.ProjectMetadata;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor inside javac, over temporary reactors. */
class AppHostProcessorTest {

    private static final String REFERENCED = "-Aapphost.projects=referenced";

    @TempDir
    Path tmp;

    private static final String HOST = """
            package demo;

            import dev.apphost.annotations.AppHost;

            @AppHost
            public class Host {
            }
            """;

    /** A reactor: root aggregator, api-service (jar), web_frontend (war), lib (pom), host. */
    private Path standardReactor() {
        Pom.aggregator("root", "api-service", "web_frontend", "host", "parent-only").writeTo(tmp);
        Pom.child("api-service").writeTo(tmp.resolve("api-service"));
        Pom.child("web_frontend").packaging("war").writeTo(tmp.resolve("web_frontend"));
        Pom.child("parent-only").packaging("pom").writeTo(tmp.resolve("parent-only"));
        Pom.child("host").writeTo(tmp.resolve("host"));
        return tmp.resolve("host");
    }

    /**
     * With {@code -Aapphost.projects=all}: these tests are about every module's nested class
     * (naming, metadata, exclusion); the default, only the modules the sources name, has its own.
     */
    private static Compilation compile(Path moduleDir, JavaFileObject... sources) {
        return compile(List.of("-Aapphost.moduleDir=" + moduleDir, "-Aapphost.projects=all"), sources);
    }

    private static Compilation compile(List<String> options, JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(new AppHostProcessor())
                .withOptions(options)
                .compile(sources);
    }

    private static JavaFileObject host(String source) {
        return JavaFileObjects.forSourceString("demo.Host", source);
    }

    private static String table(Compilation compilation) throws IOException {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "demo", "Projects.tsv").orElseThrow()
                .getCharContent(false).toString();
    }

    private static String pom(Path moduleDir) {
        return moduleDir.resolve("pom.xml").toAbsolutePath().normalize().toString();
    }

    @Test
    void generatesOneProjectPerRunnableModuleImplementingProjectMetadata() throws Exception {
        Path host = standardReactor();

        Compilation compilation = compile(host, host(HOST));

        assertThat(compilation).succeededWithoutWarnings();
        GeneratedClasses classes = new GeneratedClasses(compilation);
        Class<?> projects = classes.loadClass("demo.Projects");
        assertThat(Arrays.stream(projects.getDeclaredClasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("ApiService", "WebFrontend");
        ProjectMetadata api = (ProjectMetadata) classes.newInstance("demo.Projects$ApiService");
        assertThat(api.projectPath()).isEqualTo("../api-service/pom.xml");
        assertThat(api.groupId()).isEqualTo("demo");
        assertThat(api.artifactId()).isEqualTo("api-service");
        assertThat(api.version()).isEqualTo("1.0");
        ProjectMetadata web = (ProjectMetadata) classes.newInstance("demo.Projects$WebFrontend");
        assertThat(web.projectPath()).isEqualTo("../web_frontend/pom.xml");
        Class<?> nested = api.getClass();
        assertThat(Modifier.isPublic(nested.getModifiers())).isTrue();
        assertThat(Modifier.isStatic(nested.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(nested.getModifiers())).isTrue();
    }

    @Test
    void theGeneratedSourceIsMarkedGeneratedDocumentedAndImportsNoJavaLang() throws Exception {
        Path host = standardReactor();

        Compilation compilation = compile(host, host(HOST));

        assertThat(compilation).succeeded();
        String source = compilation.generatedSourceFile("demo.Projects").orElseThrow()
                .getCharContent(false).toString();
        assertThat(source)
                .contains("@Generated(\"dev.apphost.processor.AppHostProcessor\")")
                .contains("import javax.annotation.processing.Generated;")
                .contains("public final class Projects {")
                .contains("public static final class ApiService extends GeneratedProjectMetadata {")
                .contains("{@code demo:api-service:1.0}: module {@code api-service}.")
                .doesNotContain(tmp.toString())
                .doesNotContain("import java.lang.");
        assertThat(compilation.generatedFiles()).filteredOn(f -> f.getName().endsWith("Projects.java"))
                .hasSize(1);
    }

    @Test
    void codeThatUsesProjectsCompilesInTheSameCompilation() throws Exception {
        Path host = standardReactor();
        JavaFileObject main = host("""
                package demo;

                import dev.apphost.annotations.AppHost;
                import dev.apphost.annotations.ProjectMetadata;

                @AppHost
                public class Host {
                    public static ProjectMetadata api() {
                        return new Projects.ApiService();
                    }
                }
                """);

        Compilation compilation = compile(List.of("-Aapphost.moduleDir=" + host, REFERENCED), main);

        assertThat(compilation).succeededWithoutWarnings();
        GeneratedClasses classes = new GeneratedClasses(compilation);
        Object api = classes.loadClass("demo.Host").getMethod("api").invoke(null);
        assertThat(((ProjectMetadata) api).artifactId()).isEqualTo("api-service");
        assertThat(Arrays.stream(classes.loadClass("demo.Projects").getDeclaredClasses()).map(Class::getSimpleName))
                .as("referenced: only the modules the sources name").containsExactly("ApiService");
        assertThat(table(compilation)).contains("ApiService\t", "WebFrontend\t");
    }

    @Test
    void modulesNamedQualifiedOrImportedInAnySourceOfTheCompilationAreDeclared() throws Exception {
        Path host = standardReactor();
        JavaFileObject other = JavaFileObjects.forSourceString("demo.other.Other", """
                package demo.other;

                import demo.Projects.WebFrontend;

                class Other {
                    Class<?> web = WebFrontend.class;
                    Class<?> api = demo.Projects.ApiService.class;
                }
                """);

        Compilation compilation = compile(List.of("-Aapphost.moduleDir=" + host, REFERENCED), host(HOST), other);

        assertThat(compilation).succeededWithoutWarnings();
        String source = compilation.generatedSourceFile("demo.Projects").orElseThrow().getCharContent(false).toString();
        assertThat(source).contains("class ApiService ", "class WebFrontend ");
    }

    @Test
    void aStarImportOfProjectsDeclaresEveryModule() throws Exception {
        Path host = standardReactor();
        JavaFileObject main = host("""
                package demo;

                import static demo.Projects.*;
                import dev.apphost.annotations.AppHost;

                @AppHost
                public class Host {
                }
                """);

        Compilation compilation = compile(List.of("-Aapphost.moduleDir=" + host, REFERENCED), main);

        assertThat(compilation).succeeded();
        String source = compilation.generatedSourceFile("demo.Projects").orElseThrow().getCharContent(false).toString();
        assertThat(source).contains("class ApiService ", "class WebFrontend ");
    }

    @Test
    void byDefaultASmallReactorDeclaresEveryModuleAndALargeOneOnlyTheNamedOnes() throws Exception {
        Path small = standardReactor();
        Compilation smallBuild = compile(List.of("-Aapphost.moduleDir=" + small), host(HOST));
        assertThat(smallBuild).succeeded();
        assertThat(smallBuild.generatedSourceFile("demo.Projects").orElseThrow().getCharContent(false).toString())
                .as("no module is named, all are declared").contains("class ApiService ", "class WebFrontend ");

        Path large = dev.apphost.processor.bench.ProcessorBench.writeReactorForTests(tmp.resolve("large"),
                AppHostOptions.AUTO_ALL_LIMIT + 1);
        Compilation largeBuild = compile(List.of("-Aapphost.moduleDir=" + large), JavaFileObjects.forSourceString(
                "demo.Host", """
                        package demo;

                        @dev.apphost.annotations.AppHost
                        public class Host {
                            Class<?> one = Projects.Service007.class;
                        }
                        """));
        assertThat(largeBuild).succeeded();
        String source = largeBuild.generatedSourceFile("demo.Projects").orElseThrow().getCharContent(false).toString();
        assertThat(source).contains("class Service007 ").doesNotContain("class Service008 ");
        assertThat(table(largeBuild)).contains("Service064\t");
    }

    @Test
    void anUnknownProjectsOptionValueIsABadOption() {
        Path host = standardReactor();

        Compilation compilation = compile(List.of("-Aapphost.moduleDir=" + host, "-Aapphost.projects=some"),
                host(HOST));

        assertThat(compilation).hadErrorContaining("[AppHostBadOption] -Aapphost.projects=some: expected auto, referenced or all");
    }

    @Test
    void aModuleNamedOnlyByASourceGeneratedLaterIsAnErrorWithTheWayOut() {
        Path host = standardReactor();

        Compilation compilation = Compiler.javac()
                .withProcessors(new AppHostProcessor(), new RoundCounter())
                .withOptions("-Aapphost.moduleDir=" + host, REFERENCED)
                .compile(host(HOST));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[AppHostNamedLate] Projects.ApiService is named only by sources"
                + " generated after Projects was written");
        assertThat(compilation).hadErrorContaining("-Aapphost.projects=all");
    }

    @Test
    void laterBuildsStatUnchangedPomsRereadChangedOnesAndKeepNamesDeclaredBefore() throws Exception {
        Path host = standardReactor();
        Path classes = host.resolve("target/classes");
        Path generated = host.resolve("target/generated-sources/annotations");
        JavaFileObject other = JavaFileObjects.forSourceString("demo.Other",
                "package demo; class Other { Class<?> web = Projects.WebFrontend.class; }");
        JavaFileObject main = host("""
                package demo;

                import dev.apphost.annotations.AppHost;

                @AppHost
                public class Host {
                    Class<?> api = Projects.ApiService.class;
                }
                """);

        assertThat(javacInto(classes, generated, main, other)).isEmpty();
        Path cache = PomCache.userFile(host.resolve("pom.xml"));
        assertThat(cache).as("the build's surefire configuration sets apphost.stateDirectory under target/")
                .startsWith(Path.of(System.getProperty(PomCache.STATE_DIRECTORY_PROPERTY)));
        assertThat(cache).content().contains(pom(host.getParent().resolve("api-service")) + "\t");
        assertThat(host.resolve("target/apphost/processor-names-classes.txt")).content().isEqualTo("ApiService\nWebFrontend\n");

        // an IDE recompiles the AppHost class alone, after a module got a new name
        Pom.child("api-service").property("apphost.projectName", "Backend").writeTo(host.getParent().resolve("api-service"));
        JavaFileObject renamed = host("""
                package demo;

                import dev.apphost.annotations.AppHost;

                @AppHost
                public class Host {
                    Class<?> api = Projects.Backend.class;
                }
                """);
        assertThat(javacInto(classes, generated, renamed)).isEmpty();
        assertThat(generated.resolve("demo/Projects.java")).content()
                .as("the changed pom was read again, WebFrontend is still declared for Other")
                .contains("class Backend ", "class WebFrontend ").doesNotContain("class ApiService ");
        assertThat(classes.resolve("demo/Projects.tsv")).content().contains("Backend\tdemo\tapi-service\t");
    }

    /** Compiles into real folders (the processor keeps its files beside the class output); the diagnostics. */
    private static List<Diagnostic<? extends JavaFileObject>> javacInto(Path classes, Path generated,
            JavaFileObject... sources) throws Exception {
        Files.createDirectories(classes);
        Files.createDirectories(generated);
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        javax.tools.DiagnosticCollector<JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
        String classpath = Path.of(ProjectMetadata.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + java.io.File.pathSeparator + classes;
        try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            javax.tools.JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-s", generated.toString(), "-cp", classpath, REFERENCED),
                    null, List.of(sources));
            task.setProcessors(List.of(new AppHostProcessor()));
            task.call();
        }
        return diagnostics.getDiagnostics();
    }

    @Test
    void thePomPropertyNamesTheProject() throws Exception {
        Pom.aggregator("root", "api-service", "host").writeTo(tmp);
        Pom.child("api-service").property("apphost.projectName", "Backend").writeTo(tmp.resolve("api-service"));
        Path host = Pom.child("host").writeTo(tmp.resolve("host")).getParent();

        Compilation compilation = compile(host, host(HOST));

        assertThat(compilation).succeededWithoutWarnings();
        ProjectMetadata backend = (ProjectMetadata) new GeneratedClasses(compilation)
                .newInstance("demo.Projects$Backend");
        assertThat(backend.artifactId()).isEqualTo("api-service");
    }

    @Test
    void twoModulesMappingToOneNameIsAnErrorOnTheAnnotationNamingBoth() {
        Pom.aggregator("root", "api-service", "api.service", "host").writeTo(tmp);
        Pom.child("api-service").writeTo(tmp.resolve("api-service"));
        Pom.child("api.service").writeTo(tmp.resolve("api.service"));
        Path host = Pom.child("host").writeTo(tmp.resolve("host")).getParent();
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(host, src);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AppHostNameCollision]")
                .inFile(src).onLineContaining("@AppHost");
        assertThat(compilation).hadErrorContaining(pom(tmp.resolve("api-service")));
        assertThat(compilation).hadErrorContaining(pom(tmp.resolve("api.service")));
        assertThat(compilation).hadErrorContaining("Projects.ApiService");
        assertThat(compilation).hadErrorContaining("apphost.projectName");
    }

    @Test
    void anInvalidProjectNamePropertyIsAnError() {
        Pom.aggregator("root", "api", "host").writeTo(tmp);
        Pom.child("api").property("apphost.projectName", "not-a-name").writeTo(tmp.resolve("api"));
        Path host = Pom.child("host").writeTo(tmp.resolve("host")).getParent();
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(host, src);

        assertThat(compilation).hadErrorContaining("[AppHostInvalidName] apphost.projectName 'not-a-name'")
                .inFile(src).onLineContaining("@AppHost");
    }

    @Test
    void excludedModulesAreLeftOutAndUnknownExcludesWarned() throws Exception {
        Path host = standardReactor();
        JavaFileObject src = host("""
                package demo;

                import dev.apphost.annotations.AppHost;

                @AppHost(exclude = {"web_frontend", "no-such-module"})
                public class Host {
                }
                """);

        Compilation compilation = compile(host, src);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[AppHostUnknownExclude] @AppHost(exclude) names 'no-such-module'")
                .inFile(src).onLineContaining("@AppHost");
        Class<?> projects = new GeneratedClasses(compilation).loadClass("demo.Projects");
        assertThat(Arrays.stream(projects.getDeclaredClasses()).map(Class::getSimpleName))
                .containsExactly("ApiService");
    }

    @Test
    void nestedAggregatorsAreFollowedAndTheRootFoundAboveThem() throws Exception {
        Pom.aggregator("root", "services", "apps").writeTo(tmp);
        Pom.aggregator("services", "orders", "billing/api").parent("demo", "root", "1.0").writeTo(tmp.resolve("services"));
        Pom.child("orders").writeTo(tmp.resolve("services/orders"));
        Pom.child("billing-api").writeTo(tmp.resolve("services/billing/api"));
        Pom.aggregator("apps", "host").writeTo(tmp.resolve("apps"));
        Path host = Pom.child("host").writeTo(tmp.resolve("apps/host")).getParent();

        Compilation compilation = compile(host, host(HOST));

        assertThat(compilation).succeededWithoutWarnings();
        GeneratedClasses classes = new GeneratedClasses(compilation);
        assertThat(((ProjectMetadata) classes.newInstance("demo.Projects$Orders")).projectPath())
                .isEqualTo("../../services/orders/pom.xml");
        assertThat(((ProjectMetadata) classes.newInstance("demo.Projects$BillingApi")).projectPath())
                .isEqualTo("../../services/billing/api/pom.xml");
        assertThat(host.resolve("../../services/billing/api/pom.xml").normalize())
                .isEqualTo(tmp.resolve("services/billing/api/pom.xml"));
    }

    @Test
    void groupIdAndVersionAreInheritedFromTheParent() throws Exception {
        Pom.of("root").groupId("org.acme").version("${revision}").property("revision", "3.1.4")
                .packaging("pom").modules("inherits", "overrides", "host").writeTo(tmp);
        Pom.of("inherits").parent("org.acme", "root", "${revision}").writeTo(tmp.resolve("inherits"));
        Pom.of("overrides").parent("org.acme", "root", "${revision}").groupId("org.other").version("9")
                .writeTo(tmp.resolve("overrides"));
        Path host = Pom.of("host").parent("org.acme", "root", "${revision}").writeTo(tmp.resolve("host")).getParent();

        Compilation compilation = compile(host, host(HOST));

        assertThat(compilation).succeededWithoutWarnings();
        GeneratedClasses classes = new GeneratedClasses(compilation);
        ProjectMetadata inherits = (ProjectMetadata) classes.newInstance("demo.Projects$Inherits");
        assertThat(inherits.groupId()).isEqualTo("org.acme");
        assertThat(inherits.version()).isEqualTo("3.1.4");
        ProjectMetadata overrides = (ProjectMetadata) classes.newInstance("demo.Projects$Overrides");
        assertThat(overrides.groupId()).isEqualTo("org.other");
        assertThat(overrides.version()).isEqualTo("9");
    }

    @Test
    void aMalformedPomIsAnErrorNamingTheFileAndLine() {
        Pom.aggregator("root", "api", "host").writeTo(tmp);
        Path bad = Pom.write(tmp.resolve("api/pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <artifactId>api</artifactId>
                  <packaging>jar</packagin>
                </project>
                """);
        Path host = Pom.child("host").writeTo(tmp.resolve("host")).getParent();
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(host, src);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[AppHostPomMalformed] Malformed pom " + bad + " at line 4")
                .inFile(src).onLineContaining("@AppHost");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aMissingModuleIsAnError() {
        Pom.aggregator("root", "gone", "host").writeTo(tmp);
        Path host = Pom.child("host").writeTo(tmp.resolve("host")).getParent();
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(host, src);

        assertThat(compilation).hadErrorContaining("[AppHostModuleMissing]")
                .inFile(src).onLineContaining("@AppHost");
        assertThat(compilation).hadErrorContaining("<module>gone</module>");
    }

    @Test
    void aSourceOutsideAnyReactorSaysSoAndNamesTheOptions() {
        try (NoPomAbove outside = new NoPomAbove()) {
            JavaFileObject src = host(HOST);

            Compilation compilation = compile(outside.dir, src);

            assertThat(compilation).failed();
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation).hadErrorContaining("[AppHostNoReactor] No pom.xml in " + outside.dir)
                    .inFile(src).onLineContaining("@AppHost");
            assertThat(compilation).hadErrorContaining("-Aapphost.moduleDir=");
            assertThat(compilation).hadErrorContaining("-Aapphost.reactorRoot=");
        }
    }

    @Test
    void withoutOptionsAndWithoutFilesOnDiskTheModuleIsUnknown() {
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(List.of(), src);

        assertThat(compilation).hadErrorContaining("[AppHostNoReactor] Cannot tell which Maven module")
                .inFile(src).onLineContaining("@AppHost");
        assertThat(compilation).hadErrorContaining("-Aapphost.moduleDir=");
    }

    @Test
    void aModuleDirThatIsNoFolderIsABadOption() {
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(tmp.resolve("nope"), src);

        assertThat(compilation).hadErrorContaining("[AppHostBadOption] -Aapphost.moduleDir=" + tmp.resolve("nope"))
                .inFile(src).onLineContaining("@AppHost");
    }

    @Test
    void aPathOptionThatIsNoPathIsABadOption() {
        Path host = standardReactor();
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(
                List.of("-Aapphost.moduleDir=" + host, "-Aapphost.reactorRoot=bad\u0000path"), src);

        assertThat(compilation).hadErrorContaining("[AppHostBadOption] -Aapphost.reactorRoot=")
                .inFile(src).onLineContaining("@AppHost");
    }

    @Test
    void theModuleIsFoundFromTheSourceFileOnDisk() throws Exception {
        Path host = standardReactor();
        Path file = Pom.write(host.resolve("src/main/java/demo/Host.java"), HOST);

        Compilation compilation = compile(List.of(), JavaFileObjects.forResource(file.toUri().toURL()));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFile("demo.Projects")).isPresent();
    }

    @Test
    void theModuleIsFoundFromTheClassOutputFolder() throws Exception {
        Path host = standardReactor();
        Path classes = Files.createDirectories(host.resolve("target/classes"));
        Path generated = Files.createDirectories(host.resolve("target/generated-sources/annotations"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        javax.tools.DiagnosticCollector<JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
        String classpath = Path.of(ProjectMetadata.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();

        try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            // the source is in memory: only the -d folder tells where the module is
            javax.tools.JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-s", generated.toString(), "-cp", classpath,
                            "-Aapphost.projects=all"),
                    null, List.of(host(HOST)));
            task.setProcessors(List.of(new AppHostProcessor()));
            assertThat(task.call()).as(diagnostics.getDiagnostics().toString()).isTrue();
        }
        assertThat(diagnostics.getDiagnostics()).isEmpty();
        assertThat(generated.resolve("demo/Projects.java")).content().contains("class ApiService");
        assertThat(classes.resolve("demo/Projects$ApiService.class")).exists();
    }

    @Test
    void theReactorRootOptionOverridesTheWalkUp() throws Exception {
        Path host = standardReactor();
        // the outer root lists api-service; with the option only "inner" is the reactor
        Pom.aggregator("inner", "host2", "svc").writeTo(tmp.resolve("inner"));
        Pom.child("svc").writeTo(tmp.resolve("inner/svc"));
        Path host2 = Pom.child("host2").writeTo(tmp.resolve("inner/host2")).getParent();

        Compilation compilation = compile(
                List.of("-Aapphost.moduleDir=" + host2, "-Aapphost.reactorRoot=" + tmp.resolve("inner"),
                        "-Aapphost.projects=all"),
                host(HOST));

        assertThat(compilation).succeededWithoutWarnings();
        Class<?> projects = new GeneratedClasses(compilation).loadClass("demo.Projects");
        assertThat(Arrays.stream(projects.getDeclaredClasses()).map(Class::getSimpleName)).containsExactly("Svc");
        assertThat(host).isNotNull();
    }

    @Test
    void aReactorWithoutRunnableModulesWarnsAndStillGeneratesAnEmptyProjects() throws Exception {
        Pom.aggregator("root", "host", "bom").writeTo(tmp);
        Pom.child("bom").packaging("pom").writeTo(tmp.resolve("bom"));
        Path host = Pom.child("host").writeTo(tmp.resolve("host")).getParent();
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(host, src);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[AppHostNoProjects]")
                .inFile(src).onLineContaining("@AppHost");
        Class<?> projects = new GeneratedClasses(compilation).loadClass("demo.Projects");
        assertThat(projects.getDeclaredClasses()).isEmpty();
    }

    @Test
    void aSecondAppHostIsAnErrorOnTheSecond() {
        Path host = standardReactor();
        JavaFileObject first = host(HOST);
        JavaFileObject second = JavaFileObjects.forSourceString("demo.Other", """
                package demo;

                @dev.apphost.annotations.AppHost
                class Other {
                }
                """);

        Compilation compilation = compile(host, first, second);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[AppHostDuplicate]")
                .inFile(second).onLineContaining("@dev.apphost.annotations.AppHost");
        assertThat(compilation).hadErrorContaining("demo.Host is already the AppHost");
    }

    @Test
    void projectsIsWrittenOnceAcrossRoundsAndTheAnnotationIsNotClaimed() {
        Path host = standardReactor();
        RoundCounter counter = new RoundCounter();

        Compilation compilation = Compiler.javac()
                .withProcessors(new AppHostProcessor(), counter)
                .withOptions("-Aapphost.moduleDir=" + host, "-Aapphost.projects=all")
                .compile(host(HOST));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(counter.rounds).isGreaterThanOrEqualTo(3);
        assertThat(counter.sawAppHost).isTrue();
    }

    @Test
    void modulesNamedLikeTypesTheGeneratedCodeUsesStillCompile() throws Exception {
        List<String> tricky = List.of("string", "override", "generated", "project-metadata", "object", "host-2",
                "generated-project-metadata");
        List<String> modules = new ArrayList<>(tricky);
        modules.add("host");
        Pom.aggregator("root", modules.toArray(String[]::new)).writeTo(tmp);
        for (String module : tricky) {
            Pom.child(module).writeTo(tmp.resolve(module));
        }
        Path host = Pom.child("host").writeTo(tmp.resolve("host")).getParent();

        Compilation compilation = compile(host, host(HOST));

        assertThat(compilation).succeededWithoutWarnings();
        GeneratedClasses classes = new GeneratedClasses(compilation);
        for (String name : List.of("String", "Override", "Generated", "ProjectMetadata", "Object", "Host2",
                "GeneratedProjectMetadata")) {
            ProjectMetadata project = (ProjectMetadata) classes.newInstance("demo.Projects$" + name);
            assertThat(project.projectPath()).endsWith("pom.xml");
        }
    }

    @Test
    void aHandWrittenProjectsClassIsAWriteError() {
        Path host = standardReactor();
        JavaFileObject src = host(HOST);

        Compilation compilation = compile(host, src,
                JavaFileObjects.forSourceString("demo.Projects", "package demo; class Projects {}"));

        assertThat(compilation).hadErrorContaining("[AppHostWriteFailed]").inFile(src).onLineContaining("@AppHost");
    }

    @Test
    void aPackagelessAppHostGetsAPackagelessProjects() throws Exception {
        Path host = standardReactor();

        Compilation compilation = compile(host,
                JavaFileObjects.forSourceString("Host", "@dev.apphost.annotations.AppHost class Host {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(new GeneratedClasses(compilation).newInstance("Projects$ApiService"))
                .isInstanceOf(ProjectMetadata.class);
    }

    @Test
    void declaresItsOptionsAndTheLatestSourceVersion() {
        AppHostProcessor processor = new AppHostProcessor();

        assertThat(processor.getSupportedOptions()).containsExactlyInAnyOrder("apphost.moduleDir", "apphost.reactorRoot",
                "apphost.projects");
        assertThat(processor.getSupportedAnnotationTypes()).containsExactly(AppHost.class.getName());
        assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
        assertThat(ProjectsSourceGenerator.GENERATED_PROJECT_METADATA)
                .isEqualTo(dev.apphost.annotations.GeneratedProjectMetadata.class.getName());
    }

    /**
     * Sees every round, claims {@code @AppHost} if the AppHost processor had claimed it (it would
     * then not be offered here), and writes one extra source in the first round to force another.
     */
    @SupportedAnnotationTypes("*")
    static final class RoundCounter extends AbstractProcessor {
        int rounds;
        boolean sawAppHost;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            rounds++;
            for (TypeElement annotation : annotations) {
                sawAppHost |= annotation.getQualifiedName().contentEquals(AppHost.class.getName());
            }
            if (rounds == 1) {
                try (var writer = processingEnv.getFiler().createSourceFile("demo.Extra").openWriter()) {
                    writer.write("package demo; class Extra { Projects.ApiService api; }");
                } catch (IOException e) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
                }
            }
            return false;
        }
    }
}
