package dev.apphost.spring.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real Redis on loopback (Debian's redis-server, installed by scripts/container-setup.sh), with a
 * password, reached by Spring Boot's own Redis auto-configuration through nothing but the
 * {@code ConnectionStrings__cache} value the AppHost would inject.
 */
class RedisServerConnectionTest {

    private static final String PASSWORD = "apphost-test-secret";
    private Process redis;
    private int port;

    @BeforeEach
    void startRedis() throws Exception {
        String server = findOnPath("redis-server");
        assumeTrue(server != null, "redis-server is not on the PATH (scripts/container-setup.sh installs it)");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("redis-", ".log");
        redis = new ProcessBuilder(server, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--requirepass", PASSWORD, "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!answersPing()) {
            assertThat(redis.isAlive()).as("redis-server exited: %s", Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("redis-server not answering after 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stopRedis() throws InterruptedException {
        if (redis != null) {
            redis.destroy();
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly();
            }
        }
    }

    @Test
    void springBootsRedisTemplateReachesTheAppHostsRedis() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AppHostConnectionDetailsAutoConfiguration.class,
                        RedisAutoConfiguration.class))
                .withPropertyValues("ConnectionStrings__cache=localhost:" + port + ",password=" + PASSWORD,
                        "CACHE_URI=redis://:" + PASSWORD + "@localhost:" + port)
                .run(context -> {
                    StringRedisTemplate template = context.getBean(StringRedisTemplate.class);
                    template.opsForValue().set("weatherforecast", "sunny");
                    assertThat(template.opsForValue().get("weatherforecast")).isEqualTo("sunny");
                    assertThat(rawGet("weatherforecast")).isEqualTo("sunny");
                });
    }

    @Test
    void withoutTheAppHostsConnectionSpringBootWouldNotGetIn() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AppHostConnectionDetailsAutoConfiguration.class,
                        RedisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.port=" + port)
                .run(context -> {
                    StringRedisTemplate template = context.getBean(StringRedisTemplate.class);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.opsForValue().get("x"))
                            .hasStackTraceContaining("NOAUTH");
                });
    }

    private boolean answersPing() {
        try {
            return command("AUTH", PASSWORD).startsWith("+OK") && command("PING").startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private String rawGet(String key) throws IOException {
        String reply = command("GET", key);
        return reply.startsWith("$") ? reply.substring(reply.indexOf('\n') + 1).trim() : reply;
    }

    /** One command on its own authenticated connection, in RESP. */
    private String command(String... words) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (!words[0].equals("AUTH")) {
                out.write(resp("AUTH", PASSWORD));
                readReply(in);
            }
            out.write(resp(words));
            out.flush();
            return readReply(in);
        }
    }

    private static byte[] resp(String... words) {
        StringBuilder sb = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            sb.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readReply(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    private static String findOnPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, command);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
