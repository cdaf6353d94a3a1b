package dev.apphost.spring.defaults;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Whether the OpenTelemetry Java agent is attached to this JVM: it then exports traces, metrics and
 * logs itself from the same {@code OTEL_*} variables, so apphost-spring-boot must not configure a
 * second exporter.
 */
final class OpenTelemetryAgent {

    static final String AGENT_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";

    private OpenTelemetryAgent() {
    }

    static boolean isAttached() {
        List<String> jvmArguments;
        try {
            jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            jvmArguments = List.of();
        }
        return isAttached(jvmArguments, System.getenv("JAVA_TOOL_OPTIONS"), agentClassLoadable());
    }

    /** The agent's jar is on the system class path once {@code -javaagent} loaded it. */
    private static boolean agentClassLoadable() {
        try {
            Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static boolean isAttached(List<String> jvmArguments, String javaToolOptions, boolean agentClassLoadable) {
        if (agentClassLoadable) {
            return true;
        }
        for (String argument : jvmArguments) {
            if (isOpenTelemetryAgentArgument(argument)) {
                return true;
            }
        }
        if (javaToolOptions != null) {
            for (String argument : javaToolOptions.trim().split("\\s+")) {
                if (isOpenTelemetryAgentArgument(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOpenTelemetryAgentArgument(String argument) {
        return argument.startsWith("-javaagent:") && argument.toLowerCase(Locale.ROOT).contains("opentelemetry");
    }
}
