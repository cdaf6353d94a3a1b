package dev.apphost.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment a host process starts with: the AppHost's own environment minus the AppHost's
 * configuration, plus what the model gives the resource.
 *
 * <p><b>The rule.</b> An inherited variable is dropped when its name, compared case-insensitively
 * as the AppHost's configuration compares keys, starts with one of {@link #CONFIGURATION_SECTIONS}
 * followed by {@code __} (the environment's spelling of {@code :}): {@code Parameters__*},
 * {@code ConnectionStrings__*}, {@code AppHost__*}, {@code Publishing__*}. These hold the
 * AppHost's parameter values and secrets; a resource gets the ones it references, because the model
 * sets them ({@code ConnectionStrings__cache} from {@code withReference(cache)}, a parameter through
 * {@code withEnvironment("X", parameter)}), and those win over anything inherited. Everything else
 * ({@code PATH}, {@code HOME}, {@code JAVA_HOME}, proxies, {@code DOCKER_HOST}, …) is inherited as
 * before, like Aspire's DCP, which passes the AppHost's environment on.
 */
final class ChildEnvironment {

    /** The configuration sections the AppHost reads whose values must not travel to every child. */
    static final List<String> CONFIGURATION_SECTIONS = List.of("Parameters", "ConnectionStrings", "AppHost",
            "Publishing");

    private static final List<String> PREFIXES = CONFIGURATION_SECTIONS.stream()
            .map(s -> s.toLowerCase(Locale.ROOT) + "__").toList();

    private ChildEnvironment() {
    }

    /** {@code inherited} without the AppHost's configuration, then {@code model} laid over it. */
    static Map<String, String> of(Map<String, String> inherited, Map<String, String> model) {
        Map<String, String> env = new LinkedHashMap<>();
        inherited.forEach((name, value) -> {
            if (!isAppHostConfiguration(name)) {
                env.put(name, value);
            }
        });
        env.putAll(model);
        return env;
    }

    static boolean isAppHostConfiguration(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
