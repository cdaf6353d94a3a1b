package dev.apphost.publish.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of the deployment publishers. {@code -Dapphost.updateGolden=true} rewrites them
 * from the current output (then review the diff before committing).
 */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(Path actual, Path golden) throws IOException {
        String text = Files.readString(actual);
        if (Boolean.getBoolean("apphost.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, text);
        }
        assertThat(text).as("%s against golden file %s", actual, golden).isEqualTo(Files.readString(golden));
    }
}
