package dev.apphost.spring.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.spring.AppHostConfigurationException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AppHostServicesTest {

    private static AppHostServices services(String... pairs) {
        MockEnvironment environment = new MockEnvironment();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            environment.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return AppHostServices.from(environment);
    }

    private final AppHostServices both = services("services__apiservice__http__0=http://localhost:5455",
            "services__apiservice__https__0=https://localhost:7455", "services__apiservice__admin__0=http://localhost:9000",
            "services__docs__default__0=https://docs.example.com/api/");

    @Test
    void theLogicalSchemeChoosesTheEndpoint() {
        assertThat(both.resolve(URI.create("http://apiservice/weatherforecast?days=5")))
                .isEqualTo(URI.create("http://localhost:5455/weatherforecast?days=5"));
        assertThat(both.resolve(URI.create("https://apiservice/weatherforecast")))
                .isEqualTo(URI.create("https://localhost:7455/weatherforecast"));
    }

    @Test
    void httpsPlusHttpPrefersHttpsAndFallsBackToHttp() {
        assertThat(both.resolve(URI.create("https+http://apiservice/x"))).isEqualTo(URI.create("https://localhost:7455/x"));
        AppHostServices httpOnly = services("services__apiservice__http__0=http://localhost:5455");
        assertThat(httpOnly.resolve(URI.create("https+http://apiservice/x"))).isEqualTo(URI.create("http://localhost:5455/x"));
        assertThat(httpOnly.resolve(URI.create("https+http://apiservice"))).isEqualTo(URI.create("http://localhost:5455"));
    }

    @Test
    void aNamedEndpoint() {
        assertThat(both.resolve(URI.create("http://_admin.apiservice/metrics"))).isEqualTo(URI.create("http://localhost:9000/metrics"));
        assertThatThrownBy(() -> both.resolve(URI.create("http://_nope.apiservice/")))
                .isInstanceOf(AppHostConfigurationException.class)
                .hasMessageContaining("Service 'apiservice' has no endpoint named 'nope'");
    }

    @Test
    void anInjectedBasePathIsKept() {
        assertThat(both.resolve(URI.create("https://docs/v1/items"))).isEqualTo(URI.create("https://docs.example.com/api/v1/items"));
    }

    @Test
    void otherHostsAndExplicitPortsAreLeftAlone() {
        URI other = URI.create("http://example.com/x");
        assertThat(both.resolve(other)).isSameAs(other);
        URI withPort = URI.create("http://apiservice:8080/x");
        assertThat(both.resolve(withPort)).isSameAs(withPort);
    }

    @Test
    void aMissingSchemeSaysWhatThereIs() {
        AppHostServices httpOnly = services("services__apiservice__http__0=http://localhost:5455");
        assertThatThrownBy(() -> httpOnly.resolve(URI.create("https://apiservice/x")))
                .isInstanceOf(AppHostConfigurationException.class)
                .hasMessageContaining("Service 'apiservice' has no https endpoint (its endpoints: http=[http://localhost:5455])")
                .hasMessageContaining("https+http://apiservice");
    }

    @Test
    void aBadUrlNamesTheVariable() {
        assertThatThrownBy(() -> services("services__apiservice__http__0=localhost:5455"))
                .isInstanceOf(AppHostConfigurationException.class)
                .hasMessageStartingWith("services__apiservice__http__0 is 'localhost:5455', which is not a URL");
    }
}
