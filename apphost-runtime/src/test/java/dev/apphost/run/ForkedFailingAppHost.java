package dev.apphost.run;

import dev.apphost.TestApps;
import java.nio.file.Path;
import java.util.Map;

/** An AppHost for {@link StopExitCodeTest}: one resource keeps running, one exits with 7 at once. */
public final class ForkedFailingAppHost {

    public static void main(String[] args) {
        var b = TestApps.builder(Path.of(args[0]), Map.of(), "--AppHost:ShutdownTimeout=3");
        b.addExecutable("sleeper", "sleep", ".", "300");
        if (args.length > 1 && args[1].equals("--with-failure")) {
            b.addExecutable("broken", "sh", ".", "-c", "echo cannot connect; exit 7");
        }
        b.build().run();
    }
}
