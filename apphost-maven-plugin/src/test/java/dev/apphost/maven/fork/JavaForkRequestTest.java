package dev.apphost.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaForkRequestTest {

    @TempDir
    Path dir;

    @Test
    void commandPutsEverythingInAnOwnerOnlyArgFileSoNoArgumentShowsInPs() throws IOException {
        JavaForkRequest request = ForkTestSupport.fake(dir, "x", "y")
                .addJvmArguments(List.of("-Xmx64m"))
                .putSystemProperty("apphost.launchPlan", "/p/launch plan.json")
                .build();

        List<String> command = request.prepareCommand();

        List<String> expected = new java.util.ArrayList<>(List.of(ForkTestSupport.java().toString(),
                "@" + dir.resolve("args.txt")));
        if (JavaForkRequest.SETSID != null) {
            expected.add(0, JavaForkRequest.SETSID); // the AppHost leads its own session
        }
        assertThat(command).containsExactlyElementsOf(expected);
        assertThat(Files.readAllLines(dir.resolve("args.txt")))
                .startsWith("\"-Xmx64m\"", "\"-Dapphost.launchPlan=/p/launch plan.json\"", "\"-cp\"")
                .endsWith("\"" + FakeAppHost.class.getName() + "\"", "\"x\"", "\"y\"");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("args.txt")))).isEqualTo("rw-------");
        }
    }

    @Test
    void quotingEscapesBackslashesAndQuotes() {
        assertThat(JavaForkRequest.quote("C:\\a b\\\"c\"")).isEqualTo("\"C:\\\\a b\\\\\\\"c\\\"\"");
    }

    @Test
    void forkedJvmSeesArgumentsPropertiesEnvironmentAndWorkingDirectory() throws Exception {
        Path out = dir.resolve("out.txt");
        Path work = Files.createDirectories(dir.resolve("work dir"));
        JavaForkRequest request = ForkTestSupport.fake(dir, "echo", "a b", "c\\d", "\"q\"")
                .putSystemProperty("fake.out", out.toString())
                .putSystemProperty("fake.prop", "with \"quotes\" and \\ backslash")
                .putEnvironment(Map.of("FAKE_ENV", "hello"))
                .workingDirectory(work)
                .build();

        int exit = new ForegroundRunner(java.time.Duration.ofSeconds(5)).run(request);

        assertThat(exit).isZero();
        assertThat(Files.readString(out)).isEqualTo("[a b][c\\d][\"q\"] prop=with \"quotes\" and \\ backslash"
                + " env=hello cwd=" + work);
    }
}
