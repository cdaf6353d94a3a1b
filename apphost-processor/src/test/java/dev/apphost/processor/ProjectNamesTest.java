package dev.apphost.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectNamesTest {

    @ParameterizedTest
    @CsvSource({
        "web-frontend, WebFrontend",
        "api_service, ApiService",
        "api.service, ApiService",
        "apiservice, Apiservice",
        "ApiService, ApiService",
        "myAPI-server, MyAPIServer",
        "2fa-service, _2faService",
        "a--b__c..d, ABCD",
        "-leading-dash, LeadingDash",
        "v2, V2",
    })
    void derivesPascalCaseFromArtifactId(String artifactId, String expected) {
        assertThat(ProjectNames.fromArtifactId(artifactId)).isEqualTo(expected);
    }

    @Test
    void anArtifactIdWithoutLettersOrDigitsStillGivesAnIdentifier() {
        assertThat(ProjectNames.fromArtifactId("---")).isEqualTo("Module");
    }

    @Test
    void namesAreSortedAndThePropertyOverridesTheArtifactId() {
        ProjectNames.Result result = ProjectNames.assign(List.of(
                module("web-frontend", null),
                module("api-service", "Backend")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.projects()).extracting(NamedProject::name)
                .containsExactly("Backend", "WebFrontend");
    }

    @Test
    void twoModulesWithOneNameAreACollisionNamingBothAndTheProperty() {
        ProjectNames.Result result = ProjectNames.assign(List.of(
                module("api-service", null),
                module("api_service", null),
                module("web", null)));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.projects()).extracting(NamedProject::name).containsExactly("Web");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo(Message.NAME_COLLISION);
            assertThat(p.text())
                    .startsWith("[AppHostNameCollision] ")
                    .contains("/r/api-service/pom.xml", "/r/api_service/pom.xml",
                            "Projects.ApiService", "apphost.projectName");
        });
    }

    @Test
    void namesEqualButForCaseCollide() {
        ProjectNames.Result result = ProjectNames.assign(List.of(
                module("api-service", null),
                module("apiservice", "APIService")));

        assertThat(result.problems()).singleElement()
                .extracting(Problem::text).asString()
                .contains("Projects.ApiService", "Projects.APIService", "case");
    }

    @Test
    void anOverrideCollidingWithAnotherModuleIsACollision() {
        ProjectNames.Result result = ProjectNames.assign(List.of(
                module("web", null),
                module("frontend", "Web")));

        assertThat(result.problems()).extracting(Problem::message)
                .containsExactly(Message.NAME_COLLISION);
    }

    @Test
    void anInvalidOverrideIsAnError() {
        ProjectNames.Result result = ProjectNames.assign(List.of(
                module("web", "my-web"),
                module("api", "class")));

        assertThat(result.problems()).extracting(Problem::message)
                .containsExactly(Message.INVALID_PROJECT_NAME, Message.INVALID_PROJECT_NAME);
        assertThat(result.problems().get(0).text()).contains("'my-web'", "/r/web/pom.xml");
    }

    @Test
    void theEnclosingClassNameIsReserved() {
        ProjectNames.Result result = ProjectNames.assign(List.of(module("projects", null)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo(Message.RESERVED_NAME);
            assertThat(p.text()).contains("Projects.Projects", "apphost.projectName");
        });
    }

    static ModuleInfo module(String artifactId, String projectName) {
        Path pom = Path.of("/r", artifactId, "pom.xml").toAbsolutePath();
        return new ModuleInfo(pom, artifactId, "demo", artifactId, "1.0", "jar", projectName);
    }
}
