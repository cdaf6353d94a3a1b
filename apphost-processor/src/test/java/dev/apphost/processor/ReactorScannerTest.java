package dev.apphost.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorScannerTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheModulePomWalkingUpFromASourceFolder() throws Exception {
        Path pom = Pom.child("host").writeTo(tmp.resolve("host"));
        Path sources = Files.createDirectories(tmp.resolve("host/src/main/java/demo"));

        assertThat(new ReactorScanner().findModulePom(sources)).isEqualTo(pom);
    }

    @Test
    void noPomAnywhereAboveIsNoReactor() throws Exception {
        try (NoPomAbove outside = new NoPomAbove()) {
            Path dir = Files.createDirectories(outside.dir.resolve("a/b"));

            assertThatThrownBy(() -> new ReactorScanner().findModulePom(dir))
                    .isInstanceOfSatisfying(ReactorException.class, e -> {
                        assertThat(e.problem().message()).isEqualTo(Message.NO_REACTOR);
                        assertThat(e.getMessage()).contains("[AppHostNoReactor]", dir.toString(),
                                "-Aapphost.moduleDir", "-Aapphost.reactorRoot");
                    });
        }
    }

    @Test
    void aMalformedPomAboveTheReactorIsSkippedWithAWarning() throws Exception {
        Path junk = Pom.write(tmp.resolve("pom.xml"), "<project><oops></project>");
        Path root = Pom.aggregator("root", "host").writeTo(tmp.resolve("r"));
        Path host = Pom.child("host").writeTo(tmp.resolve("r/host"));

        Reactor reactor = new ReactorScanner().scan(host, null);

        assertThat(reactor.rootPom()).isEqualTo(root);
        assertThat(reactor.warnings()).singleElement().satisfies(w -> {
            assertThat(w.message()).isEqualTo(Message.POM_SKIPPED);
            assertThat(w.text()).contains(junk.toString(), "[AppHostPomMalformed]", "line 1");
        });
    }

    @Test
    void theRootIsTheTopMostPomWhoseModulesLeadToTheModule() throws Exception {
        Path root = Pom.aggregator("root", "apps", "services/api").writeTo(tmp.resolve("r"));
        Pom.aggregator("apps", "host").writeTo(tmp.resolve("r/apps"));
        Path host = Pom.child("host").writeTo(tmp.resolve("r/apps/host"));
        // services/ has a pom that does not aggregate api: the root still does, directly
        Pom.aggregator("services").writeTo(tmp.resolve("r/services"));
        Path api = Pom.child("api").writeTo(tmp.resolve("r/services/api"));
        // a pom above the reactor that does not list it is not part of it
        Pom.aggregator("unrelated", "elsewhere").writeTo(tmp);

        ReactorScanner scanner = new ReactorScanner();
        assertThat(scanner.findReactorRoot(host)).isEqualTo(root);
        assertThat(scanner.findReactorRoot(api)).isEqualTo(root);
    }

    @Test
    void theWalkUpStopsAtTheFolderHoldingDotMvn() throws Exception {
        Pom.aggregator("outer", "inner").writeTo(tmp);
        Path inner = Pom.aggregator("inner", "host").writeTo(tmp.resolve("inner"));
        Files.createDirectories(tmp.resolve("inner/.mvn"));
        Path host = Pom.child("host").writeTo(tmp.resolve("inner/host"));

        assertThat(new ReactorScanner().findReactorRoot(host)).isEqualTo(inner);
    }

    @Test
    void aModuleNoPomAggregatesIsItsOwnRoot() throws Exception {
        Path host = Pom.child("host").writeTo(tmp.resolve("x/host"));

        assertThat(new ReactorScanner().findReactorRoot(host)).isEqualTo(host);
    }

    @Test
    void readsNestedAggregatorsDepthFirstInDeclarationOrder() throws Exception {
        Pom.aggregator("root", "services", "web", "host").writeTo(tmp);
        Pom.aggregator("services", "b-svc", "a-svc").parent("demo", "root", "1.0").writeTo(tmp.resolve("services"));
        Pom.child("b-svc").writeTo(tmp.resolve("services/b-svc"));
        Pom.child("a-svc").writeTo(tmp.resolve("services/a-svc"));
        Pom.child("web").packaging("war").writeTo(tmp.resolve("web"));
        Path host = Pom.child("host").writeTo(tmp.resolve("host"));

        Reactor reactor = new ReactorScanner().scan(host, null);

        assertThat(reactor.rootPom()).isEqualTo(tmp.resolve("pom.xml").toAbsolutePath().normalize());
        assertThat(reactor.modules()).extracting(ModuleInfo::relativePath)
                .containsExactly(".", "services", "services/b-svc", "services/a-svc", "web", "host");
        assertThat(reactor.runnableModules(Set.of())).extracting(ModuleInfo::artifactId)
                .containsExactly("b-svc", "a-svc", "web");
    }

    @Test
    void onlyJarAndWarModulesOtherThanTheAppHostAndExcludedOnesAreRunnable() throws Exception {
        Pom.aggregator("root", "lib", "plugin", "web", "ear", "host", "batch").writeTo(tmp);
        Pom.child("lib").packaging("jar").writeTo(tmp.resolve("lib"));
        Pom.child("plugin").packaging("maven-plugin").writeTo(tmp.resolve("plugin"));
        Pom.child("web").packaging("war").writeTo(tmp.resolve("web"));
        Pom.child("ear").packaging("ear").writeTo(tmp.resolve("ear"));
        Path host = Pom.child("host").writeTo(tmp.resolve("host"));
        Pom.child("batch").writeTo(tmp.resolve("batch"));

        Reactor reactor = new ReactorScanner().scan(host, null);

        assertThat(reactor.runnableModules(Set.of("lib"))).extracting(ModuleInfo::artifactId)
                .containsExactly("web", "batch");
        assertThat(reactor.unknownExcludes(List.of("lib", "plugin", "nope", "host")))
                .containsExactly("plugin", "nope");
    }

    @Test
    void groupIdAndVersionAreInheritedFromTheParentAndPropertiesResolved() throws Exception {
        Pom.of("root").groupId("org.acme").version("${revision}${changelist}").packaging("pom")
                .property("revision", "2.5.0").property("changelist", "-SNAPSHOT")
                .modules("own", "inherits", "host").writeTo(tmp);
        String parent = "${revision}${changelist}";
        Pom.of("inherits").parent("org.acme", "root", parent).writeTo(tmp.resolve("inherits"));
        Pom.of("own").parent("org.acme", "root", parent).groupId("org.other").version("${project.parent.version}-x")
                .writeTo(tmp.resolve("own"));
        Path host = Pom.of("host").parent("org.acme", "root", parent).writeTo(tmp.resolve("host"));

        List<ModuleInfo> modules = new ReactorScanner().scan(host, null).runnableModules(Set.of());

        assertThat(modules).extracting(ModuleInfo::artifactId, ModuleInfo::groupId, ModuleInfo::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("own", "org.other", "2.5.0-SNAPSHOT-x"),
                        org.assertj.core.groups.Tuple.tuple("inherits", "org.acme", "2.5.0-SNAPSHOT"));
    }

    @Test
    void readsTheProjectNamePropertyOfTheModuleItselfOnly() throws Exception {
        Pom.aggregator("root", "api", "web").property("apphost.projectName", "Root").writeTo(tmp);
        Pom.child("api").property("apphost.projectName", " Backend ").writeTo(tmp.resolve("api"));
        Path web = Pom.child("web").writeTo(tmp.resolve("web"));

        List<ModuleInfo> modules = new ReactorScanner().scan(web, null).modules();

        assertThat(modules).extracting(ModuleInfo::projectName).containsExactly("Root", "Backend", null);
    }

    @Test
    void modulesInProfilesAreIgnoredAndAModuleMayNameAPomFile() throws Exception {
        Pom.aggregator("root", "api/custom-pom.xml")
                .extra("  <profiles><profile><id>more</id><modules><module>extra</module></modules>"
                        + "</profile></profiles>\n")
                .writeTo(tmp);
        Pom.write(tmp.resolve("api/custom-pom.xml"), Pom.child("api").xml());
        Pom.child("extra").writeTo(tmp.resolve("extra"));

        List<ModuleInfo> modules = new ReactorScanner().readModules(tmp.resolve("pom.xml"));

        assertThat(modules).extracting(ModuleInfo::artifactId).containsExactly("root", "api");
        assertThat(modules.get(1).pom()).isEqualTo(tmp.resolve("api/custom-pom.xml").toAbsolutePath());
    }

    @Test
    void aModuleListedTwiceOrInACycleIsReadOnce() throws Exception {
        Pom.aggregator("root", "a", "a", ".").writeTo(tmp);
        Pom.aggregator("a", "..").writeTo(tmp.resolve("a"));

        assertThat(new ReactorScanner().readModules(tmp.resolve("pom.xml")))
                .extracting(ModuleInfo::artifactId).containsExactly("root", "a");
    }

    @Test
    void aMissingModuleNamesTheAggregatorAndTheEntry() throws Exception {
        Path root = Pom.aggregator("root", "gone").writeTo(tmp);

        assertThatThrownBy(() -> new ReactorScanner().readModules(root))
                .isInstanceOfSatisfying(ReactorException.class, e -> {
                    assertThat(e.problem().message()).isEqualTo(Message.MODULE_MISSING);
                    assertThat(e.getMessage()).contains(root.toString(), "<module>gone</module>");
                });
    }

    @Test
    void aMalformedPomIsReportedWithItsFileAndLine() throws Exception {
        Pom.aggregator("root", "bad").writeTo(tmp);
        Path bad = Pom.write(tmp.resolve("bad/pom.xml"),
                "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>bad</artifactId>\n"
                        + "  <version>1</versio>\n</project>\n");

        assertThatThrownBy(() -> new ReactorScanner().readModules(tmp.resolve("pom.xml")))
                .isInstanceOfSatisfying(ReactorException.class, e -> {
                    assertThat(e.problem().message()).isEqualTo(Message.POM_MALFORMED);
                    assertThat(e.getMessage()).startsWith("[AppHostPomMalformed] Malformed pom " + bad
                            + " at line 4, column ");
                });
    }

    @Test
    void anUnreadablePomIsReported() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dir-not-file/pom.xml"));

        assertThatThrownBy(() -> new ReactorScanner().read(dir))
                .isInstanceOfSatisfying(ReactorException.class,
                        e -> assertThat(e.problem().message()).isEqualTo(Message.POM_UNREADABLE));
    }

    @Test
    void anExplicitReactorRootWinsAndMustHoldAPom() throws Exception {
        Pom.aggregator("root", "inner").writeTo(tmp);
        Path inner = Pom.aggregator("inner", "host").writeTo(tmp.resolve("inner"));
        Path host = Pom.child("host").writeTo(tmp.resolve("inner/host"));

        assertThat(new ReactorScanner().scan(host, tmp.resolve("inner")).rootPom()).isEqualTo(inner);
        assertThatThrownBy(() -> new ReactorScanner().scan(host, tmp.resolve("inner/host/src")))
                .isInstanceOfSatisfying(ReactorException.class, e -> {
                    assertThat(e.problem().message()).isEqualTo(Message.BAD_OPTION);
                    assertThat(e.getMessage()).contains("-Aapphost.reactorRoot=");
                });
    }

    @Test
    void interpolationLeavesUnknownAndSelfReferencingPlaceholders() {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("a", "${b}");
        props.setProperty("b", "x");
        props.setProperty("loop", "${loop}");

        assertThat(ReactorScanner.interpolate("${a}-${unknown}-${loop}", props))
                .isEqualTo("x-${unknown}-${loop}");
    }
}
