package dev.apphost.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // reference                          | repository                 | tag    | registry        | pull tag | normalized repository
        "redis                                | redis                      | -      | -               | latest   | docker.io/library/redis",
        "redis:8.2                            | redis                      | 8.2    | -               | 8.2      | docker.io/library/redis",
        "local/httpd:1                        | local/httpd                | 1      | -               | 1        | docker.io/local/httpd",
        "localhost:5000/team/app:v2           | localhost:5000/team/app    | v2     | localhost:5000  | v2       | localhost:5000/team/app",
        "localhost/app                        | localhost/app              | -      | localhost       | latest   | localhost/app",
        "ghcr.io/acme/api                     | ghcr.io/acme/api           | -      | ghcr.io         | latest   | ghcr.io/acme/api",
        "mcr.microsoft.com/dotnet/aspire-dashboard:9.0 | mcr.microsoft.com/dotnet/aspire-dashboard | 9.0 | mcr.microsoft.com | 9.0 | mcr.microsoft.com/dotnet/aspire-dashboard",
        "my_org/my__app-x.y                   | my_org/my__app-x.y         | -      | -               | latest   | docker.io/my_org/my__app-x.y",
    })
    void parsesTheDockerGrammar(String text, String repository, String tag, String registry, String pullTag, String normalized) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.repository()).isEqualTo(repository);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.registry().orElse(null)).isEqualTo(registry);
        assertThat(ref.pullTag()).isEqualTo(pullTag);
        assertThat(ref.normalizedRepository()).isEqualTo(normalized);
        assertThat(ref.toString()).isEqualTo(text);
    }

    @Test
    void aDigestIsWhatIsPulledEvenNextToATag() {
        ImageReference byDigest = ImageReference.parse("docker.io/library/redis@" + DIGEST);
        assertThat(byDigest.repository()).isEqualTo("docker.io/library/redis");
        assertThat(byDigest.tag()).isNull();
        assertThat(byDigest.digest()).isEqualTo(DIGEST);
        assertThat(byDigest.pullTag()).isEqualTo(DIGEST);
        assertThat(byDigest.withDefaultTag()).isEqualTo(byDigest);

        ImageReference both = ImageReference.parse("localhost:5000/app:1.0@" + DIGEST);
        assertThat(both.repository()).isEqualTo("localhost:5000/app");
        assertThat(both.tag()).isEqualTo("1.0");
        assertThat(both.pullTag()).isEqualTo(DIGEST);
        assertThat(both.toString()).isEqualTo("localhost:5000/app:1.0@" + DIGEST);
    }

    @Test
    void refusesWhatTheEngineRefuses() {
        assertThatThrownBy(() -> ImageReference.parse("Redis")).hasMessageContaining("must be lowercase; use 'redis'");
        assertThatThrownBy(() -> ImageReference.parse("MyRegistry.io/Team/App"))
                .hasMessageContaining("use 'MyRegistry.io/team/app'");
        assertThatThrownBy(() -> ImageReference.parse("redis@sha256:12")).hasMessageContaining("invalid digest");
        assertThatThrownBy(() -> ImageReference.parse("redis:8.2:1")).hasMessageContaining("invalid repository name");
        assertThatThrownBy(() -> ImageReference.parse("a//b")).hasMessageContaining("invalid repository name");
        assertThatThrownBy(() -> ImageReference.parse("redis\t")).hasMessageContaining("white space");
        assertThatThrownBy(() -> ImageReference.checkTag(".hidden")).hasMessageContaining("invalid tag '.hidden'");
    }
}
