package dev.apphost.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopBudgetTest {

    @TempDir
    Path dir;

    @Test
    void theAppHostGetsTheTimeoutMinusAMargin() {
        StopBudget budget = StopBudget.of(Duration.ofSeconds(10), List.of(), Map.of());

        assertThat(budget.runtimeBudget()).isEqualTo(Duration.ofSeconds(8));
        assertThat(budget.killAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(budget.environmentValue()).isEqualTo("8");
        assertThat(budget.userSet()).isFalse();
        assertThat(StopBudget.of(Duration.ofSeconds(60), List.of(), Map.of()).runtimeBudget()).isEqualTo(Duration.ofSeconds(48));
    }

    @Test
    void aUserBudgetIsKeptAndTheKillWaitsForIt() {
        StopBudget fromArgs = StopBudget.of(Duration.ofSeconds(10), List.of("--AppHost:ShutdownTimeout=30"), Map.of());
        assertThat(fromArgs.runtimeBudget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fromArgs.killAfter()).isEqualTo(Duration.ofSeconds(36));
        assertThat(fromArgs.userSet()).isTrue();

        StopBudget fromEnv = StopBudget.of(Duration.ofSeconds(10), List.of(), Map.of("AppHost__ShutdownTimeout", "2.5"));
        assertThat(fromEnv.runtimeBudget()).isEqualTo(Duration.ofMillis(2500));
        assertThat(fromEnv.killAfter()).isEqualTo(Duration.ofSeconds(10));

        StopBudget separate = StopBudget.of(Duration.ofSeconds(10), List.of("--AppHost:ShutdownTimeout", "12"), Map.of());
        assertThat(separate.killAfter()).isEqualTo(Duration.ofMillis(14_400));
    }

    @Test
    void aTimeoutTooShortForAnyBudgetIsRejectedWithTheMinimum() {
        assertThatThrownBy(() -> StopBudget.of(Duration.ofSeconds(2), List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apphost.shutdownTimeout=2")
                .hasMessageContaining("use at least 3");
    }

    @Test
    void workFilesAreRemovedAndLeftoversCleared() throws Exception {
        WorkFiles files = new WorkFiles(dir.resolve("java-args.txt"), dir.resolve("tmp"));
        Files.writeString(files.argFile(), "-cp x");
        Files.createDirectories(files.tempDirectory().resolve("nested"));
        Files.writeString(files.tempDirectory().resolve("nested/apphost-api-1.argfile"), "-cp y");

        files.prepare();
        assertThat(files.argFile()).doesNotExist();
        assertThat(files.tempDirectory()).isEmptyDirectory();

        Files.writeString(files.tempDirectory().resolve("left.argfile"), "z");
        files.delete();
        assertThat(dir).isEmptyDirectory();
    }
}
