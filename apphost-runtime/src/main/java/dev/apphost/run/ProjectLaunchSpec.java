package dev.apphost.run;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run a reactor module as a JVM.
 *
 * @param classpath the module's classes folder first, then its runtime dependencies
 * @param mainClass the fully qualified main class
 * @param jvmArgs options for the JVM (before the main class), possibly empty
 * @param workingDirectory the module's folder
 */
public record ProjectLaunchSpec(List<Path> classpath, String mainClass, List<String> jvmArgs, Path workingDirectory) {

    public ProjectLaunchSpec {
        classpath = List.copyOf(classpath);
        jvmArgs = List.copyOf(jvmArgs);
    }
}
