package dev.apphost.maven.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpToDateCheckTest {

    @TempDir
    Path dir;

    private Path pom;
    private Path sources;
    private Path source;
    private Path classes;
    private UpToDateCheck check;

    /** A module "svc" whose files are all an hour old, as after a checkout. */
    @BeforeEach
    void module() throws IOException {
        pom = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        sources = Files.createDirectories(dir.resolve("src/main/java/it"));
        source = Files.writeString(sources.resolve("Service.java"), "class Service {}");
        Files.createDirectories(dir.resolve("src/main/java/it/.idea"));
        classes = Files.createDirectories(dir.resolve("target/classes"));
        ageAll(3_600_000);
        check = new UpToDateCheck(List.of(new UpToDateCheck.Module("svc", dir, dir.resolve("target/apphost/compiled.stamp"),
                Optional.of(classes), List.of(pom, dir.resolve("src/main"), dir.resolve("src/main/resources")))));
    }

    private void ageAll(long millis) throws IOException {
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - millis);
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.toList()) {
                Files.setLastModifiedTime(path, old);
            }
        }
    }

    private void compiledNow() throws IOException {
        check.recordCompiled(System.currentTimeMillis());
    }

    @Test
    void aModuleApphostNeverCompiledIsStale() {
        assertThat(check.staleReason()).contains("svc was not compiled by apphost yet");
    }

    @Test
    void nothingChangedSinceTheCompileIsUpToDate() throws IOException {
        compiledNow();
        assertThat(check.staleReason()).isEmpty();
    }

    @Test
    void anEditedSourceIsNamed() throws IOException {
        compiledNow();
        Files.writeString(source, "class Service { int x; }");
        assertThat(check.staleReason()).contains("svc: src/main/java/it/Service.java changed");
    }

    @Test
    void anEditedPomIsNamed() throws IOException {
        compiledNow();
        Files.writeString(pom, "<project><!-- edited --></project>");
        assertThat(check.staleReason()).contains("svc: pom.xml changed");
    }

    @Test
    void aDeletedSourceChangesItsFolder() throws IOException {
        compiledNow();
        Files.delete(source);
        assertThat(check.staleReason()).contains("svc: src/main/java/it changed");
    }

    @Test
    void aNewFileOutsideJavaButUnderSrcMainCounts() throws IOException {
        compiledNow();
        Files.createDirectories(dir.resolve("src/main/proto"));
        assertThat(check.staleReason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("svc: src/main"));
    }

    @Test
    void hiddenFoldersAreIgnored() throws IOException {
        compiledNow();
        Files.writeString(dir.resolve("src/main/java/it/.idea/workspace.xml"), "<x/>");
        assertThat(check.staleReason()).isEmpty();
    }

    @Test
    void missingClassesMakeTheModuleStale() throws IOException {
        compiledNow();
        Files.delete(classes);
        assertThat(check.staleReason()).contains("svc: target/classes is missing");
    }

    @Test
    void aFileSavedWhileTheCompileRanCountsAsChangedNextTime() throws IOException {
        long compileStarted = System.currentTimeMillis() - 50;
        Files.writeString(source, "class Service { int y; }"); // 50 ms into the compile
        check.recordCompiled(compileStarted);
        assertThat(check.staleReason()).contains("svc: src/main/java/it/Service.java changed");
    }

    @Test
    void aFileSavedASecondBeforeTheCompileStartedWasCompiled() throws IOException {
        Files.writeString(source, "class Service { int y; }");
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() - 1000));
        Files.setLastModifiedTime(source.getParent(), FileTime.fromMillis(System.currentTimeMillis() - 1000));
        compiledNow();
        assertThat(check.staleReason()).isEmpty();
    }

    @Test
    void anUnreadableStampMeansCompile() throws IOException {
        compiledNow();
        Files.writeString(dir.resolve("target/apphost/compiled.stamp"), "yesterday");
        assertThat(check.staleReason()).contains("svc was not compiled by apphost yet");
    }

    @Test
    void theFirstStaleModuleOfSeveralIsReported() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("pom.xml"), "<project/>");
        UpToDateCheck two = new UpToDateCheck(List.of(
                new UpToDateCheck.Module("svc", dir, dir.resolve("target/apphost/compiled.stamp"), Optional.of(classes),
                        List.of(pom)),
                new UpToDateCheck.Module("other", other, other.resolve("target/apphost/compiled.stamp"),
                        Optional.empty(), List.of(other.resolve("pom.xml")))));
        two.recordCompiled(System.currentTimeMillis() + UpToDateCheck.COARSE_SLACK.toMillis() + 1000);
        assertThat(two.staleReason()).isEmpty();
        Files.setLastModifiedTime(other.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(two.staleReason()).contains("other: pom.xml changed");
    }
}
