package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.UserSecrets;
import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.EngineTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated Redis password is kept in the user secrets: two runs of one AppHost use the same one, and Redis takes it. */
@Tag("docker")
class RedisPasswordTest {

    @TempDir
    Path temp;

    private String run(Path appHostDir, Path secretsDir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ProcessExecutor.javaExecutable(),
                "-D" + dev.apphost.DistributedApplicationBuilder.APPHOST_DIRECTORY_PROPERTY + "=" + appHostDir,
                "-cp", System.getProperty("java.class.path"), RedisPasswordAppHost.class.getName())
                .redirectErrorStream(true);
        pb.environment().put("APPHOST_SECRETS_DIR", secretsDir.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("output of the AppHost").contains("DONE");
        return lines.stream().filter(l -> l.startsWith("CS ")).findFirst().orElseThrow().substring(3);
    }

    @Test
    void theGeneratedPasswordIsStableAcrossRuns() throws Exception {
        ContainerEngine engine = EngineTestSupport.engineOrSkip();
        try {
            EngineTestSupport.requireImages(engine, EngineTestSupport.REDIS);
        } finally {
            engine.close();
        }
        Path appHostDir = Files.createDirectories(temp.resolve("shop-apphost"));
        Path secretsDir = temp.resolve("secrets");
        String first = run(appHostDir, secretsDir);
        String second = run(appHostDir, secretsDir);
        String password = RedisConsumer.parse(first).password();
        assertThat(password).hasSizeGreaterThanOrEqualTo(22);
        assertThat(RedisConsumer.parse(second).password()).isEqualTo(password);
        Path file = secretsDir.resolve(UserSecrets.appHostId(appHostDir.toAbsolutePath()) + ".properties");
        assertThat(Files.readString(file)).contains("cache-password");
    }
}
