package dev.apphost.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import org.junit.jupiter.api.Test;

class EngineCallGuardTest {

    @Test
    void theDaemonsMessageIsKeptWholePastEscapedQuotes() {
        // What docker-java reports for an offline pull: the daemon's JSON body after "Status 500: ".
        var failure = new InternalServerErrorException("Status 500: {\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": "
                + "dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host\"}\n");
        assertThat(EngineCallGuard.engineMessage(failure)).isEqualTo("Get \"https://registry-1.docker.io/v2/\": "
                + "dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host");
    }

    @Test
    void textThatIsNotJsonComesBackAsItIs() {
        assertThat(EngineCallGuard.engineMessage(new RuntimeException("  plain failure {not json  ")))
                .isEqualTo("plain failure {not json");
        assertThat(EngineCallGuard.engineMessage(new RuntimeException("Status 409: {\"cause\":\"x\",\"message\":\"a \\u00e9 b\"}")))
                .isEqualTo("a é b");
    }
}
