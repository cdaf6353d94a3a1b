package dev.apphost.maven;

import java.util.List;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * The goals that run the AppHost in publish mode ({@code manifest}, {@code publish}, {@code deploy}):
 * they compile the reactor when it changed, as {@code run} does, and start the AppHost in a JVM that
 * lives a few hundred milliseconds, which C1 alone starts faster.
 */
abstract class AbstractPublishingMojo extends AbstractAppHostMojo {

    protected AbstractPublishingMojo(ToolchainManager toolchainManager) {
        super(toolchainManager);
    }

    @Override
    protected boolean compilesTheReactor() {
        return true;
    }

    @Override
    protected List<String> defaultJvmArguments() {
        return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }
}
