package dev.apphost.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of a project: defaults sized for running many JVMs on one developer machine,
 * then the project's own {@code withJvmArgs(...)}, which win (the JVM takes the last {@code -Xmx} or
 * {@code -XX:} value).
 *
 * <ul>
 *   <li>{@code -XX:+UseSerialGC}: one GC thread and small footprint per JVM instead of G1's per-core
 *       threads; left out when the project chooses a collector itself ({@code -XX:+Use...GC});
 *   <li>{@code -XX:TieredStopAtLevel=1}: C1 only, faster start-up and less CPU while seven services
 *       start at once (what {@code spring-boot:run} used to pass); {@code -XX:TieredStopAtLevel=4}
 *       restores full optimisation;
 *   <li>{@code -Xss512k}, {@code -XX:MaxRAMPercentage=10}: each JVM may take a tenth of the memory at
 *       most instead of a quarter, so ten JVMs fit; {@code -Xmx...} overrides it.
 * </ul>
 */
public final class ProjectJvmOptions {

    /** The defaults, in order. */
    public static final List<String> DEFAULTS =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxRAMPercentage=10");

    private ProjectJvmOptions() {
    }

    /** The defaults that {@code own} does not contradict, then {@code own}. */
    public static List<String> of(List<String> own) {
        boolean ownGc = own.stream().anyMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"));
        List<String> options = new ArrayList<>();
        for (String option : DEFAULTS) {
            if (!(ownGc && option.equals("-XX:+UseSerialGC"))) {
                options.add(option);
            }
        }
        options.addAll(own);
        return options;
    }
}
