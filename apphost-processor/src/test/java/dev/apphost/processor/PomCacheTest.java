package dev.apphost.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PomCacheTest {

    @TempDir
    Path tmp;

    private Path reactor() {
        Pom.aggregator("root", "api-service", "web", "host")
                .groupId("demo").version("${revision}").property("revision", "2.0").writeTo(tmp);
        Pom.child("api-service").property("apphost.projectName", "Backend").writeTo(tmp.resolve("api-service"));
        Pom.child("web").packaging("war").writeTo(tmp.resolve("web"));
        return Pom.child("host").writeTo(tmp.resolve("host"));
    }

    private Reactor scan(Path cacheFile, Path hostPom) throws ReactorException {
        PomCache cache = PomCache.load(cacheFile);
        Reactor reactor = new ReactorScanner(cache).scan(hostPom, null);
        cache.save();
        return reactor;
    }

    @Test
    void aCachedScanIsTheScanAndDoesNotParseUnchangedPoms() throws Exception {
        Path hostPom = reactor();
        Path cacheFile = tmp.resolve("target/apphost/processor-poms.tsv");
        Reactor read = scan(cacheFile, hostPom);

        // same size and time, content no pom at all: only the cache can answer
        Path api = tmp.resolve("api-service/pom.xml");
        FileTime time = Files.getLastModifiedTime(api);
        Files.writeString(api, "x".repeat((int) Files.size(api)));
        Files.setLastModifiedTime(api, time);
        Reactor cached = scan(cacheFile, hostPom);

        assertThat(cached.modules()).isEqualTo(read.modules());
        assertThat(cached.modules().get(0).version()).as("properties kept").isEqualTo("2.0");
        assertThat(cached.modules()).extracting(ModuleInfo::projectName).contains("Backend");
    }

    @Test
    void aPomWhoseSizeOrTimeChangedIsReadAgain() throws Exception {
        Path hostPom = reactor();
        Path cacheFile = tmp.resolve("target/apphost/processor-poms.tsv");
        scan(cacheFile, hostPom);

        Pom.child("api-service").property("apphost.projectName", "Orders").writeTo(tmp.resolve("api-service"));
        assertThat(scan(cacheFile, hostPom).modules()).extracting(ModuleInfo::projectName).contains("Orders");

        Files.writeString(tmp.resolve("web/pom.xml"), "<project><artifactId>web</artifactId></wrong></project>");
        assertThatThrownBy(() -> scan(cacheFile, hostPom)).isInstanceOfSatisfying(ReactorException.class,
                e -> assertThat(e.problem().message()).isEqualTo(Message.POM_MALFORMED));
    }

    @Test
    void aDamagedCacheFileIsIgnoredAndRewritten() throws Exception {
        Path hostPom = reactor();
        Path cacheFile = tmp.resolve("target/apphost/processor-poms.tsv");
        Reactor read = scan(cacheFile, hostPom);
        String header = Files.readAllLines(cacheFile).get(0);

        Files.writeString(cacheFile, header + "\n" + tmp.resolve("pom.xml") + "\tnot-a-size\n");

        assertThat(scan(cacheFile, hostPom).modules()).isEqualTo(read.modules());
        assertThat(Files.readAllLines(cacheFile)).hasSize(1 + read.modules().size());
    }
}
