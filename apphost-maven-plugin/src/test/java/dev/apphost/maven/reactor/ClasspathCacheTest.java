package dev.apphost.maven.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathCacheTest {

    @TempDir
    Path dir;

    private Path file;
    private Path classes;
    private Path jar;
    private String key;

    @BeforeEach
    void written() throws IOException {
        file = dir.resolve("target/apphost/classpaths.txt");
        classes = Files.createDirectories(dir.resolve("svc/target/classes"));
        jar = Files.writeString(Files.createDirectories(dir.resolve("repo")).resolve("lib-1.0.jar"), "");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        key = ClasspathCache.key(List.of("project g:svc:jar:1.0", "dependency g:lib:jar:null:1.0:compile"));
        ClasspathCache.write(file, key, Map.of("g:svc", List.of(classes, jar)));
    }

    @Test
    void anUnchangedReactorGetsItsClasspathsBack() {
        assertThat(ClasspathCache.read(file, key)).contains(Map.of("g:svc", List.of(classes, jar)));
    }

    @Test
    void anotherKeyIsAMiss() {
        String changed = ClasspathCache.key(List.of("project g:svc:jar:1.0", "dependency g:lib:jar:null:1.1:compile"));
        assertThat(changed).isNotEqualTo(key);
        assertThat(ClasspathCache.read(file, changed)).isEmpty();
    }

    @Test
    void theKeyTellsLineBoundariesApart() {
        assertThat(ClasspathCache.key(List.of("ab", "c"))).isNotEqualTo(ClasspathCache.key(List.of("a", "bc")));
    }

    @Test
    void aJarModifiedAfterTheCacheWasWrittenIsAMiss() throws IOException {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000)); // re-installed
        assertThat(ClasspathCache.read(file, key)).isEmpty();
    }

    @Test
    void aJarGoneIsAMiss() throws IOException {
        Files.delete(jar);
        assertThat(ClasspathCache.read(file, key)).isEmpty();
    }

    @Test
    void noFileOrABrokenFileIsAMiss() throws IOException {
        assertThat(ClasspathCache.read(dir.resolve("none.json"), key)).isEmpty();
        Files.writeString(file, "key " + key + "\nsomething else\n");
        assertThat(ClasspathCache.read(file, key)).isEmpty();
    }

    @Test
    void namesWithLineBreaksAreNotKept() throws IOException {
        assertThat(ClasspathCache.write(dir.resolve("other.txt"), key, Map.of("g:svc", List.of(dir.resolve("a\nb.jar")))))
                .isFalse();
        assertThat(dir.resolve("other.txt")).doesNotExist();
    }
}
