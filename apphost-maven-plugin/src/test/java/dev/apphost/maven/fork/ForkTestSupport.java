package dev.apphost.maven.fork;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

final class ForkTestSupport {

    private ForkTestSupport() {
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static List<Path> testClasspath() {
        try {
            return List.of(Path.of(FakeAppHost.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JavaForkRequest.Builder fake(Path dir, String... args) {
        return JavaForkRequest.builder()
                .javaExecutable(java())
                .classpath(testClasspath())
                .mainClass(FakeAppHost.class.getName())
                .addArguments(List.of(args))
                .putEnvironment(Map.of())
                .workingDirectory(dir)
                .argFile(dir.resolve("args.txt"));
    }
}
