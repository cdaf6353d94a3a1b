package dev.apphost.containers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One engine connection per engine endpoint for the whole JVM: the apps a test suite starts one after
 * another (or in parallel) share it instead of each finding the engine and warming a client up again.
 * A failure is not remembered: the next {@link #connect} looks again. Shared engines are never closed
 * by their users; they live as long as the JVM.
 */
public final class SharedContainerEngines {

    /** The variables {@link ContainerEngineLocator} reads: equal values, same engine. */
    private static final List<String> LOCATOR_KEYS = List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
            "CONTAINER_HOST", "APPHOST_CONTAINER_RUNTIME", "ASPIRE_CONTAINER_RUNTIME",
            "DOTNET_ASPIRE_CONTAINER_RUNTIME", "XDG_RUNTIME_DIR", "HOME");

    private static final Map<Map<String, String>, ContainerEngine> ENGINES = new ConcurrentHashMap<>();

    private SharedContainerEngines() {
    }

    /**
     * The engine {@link ContainerEngineLocator} finds for {@code environment}, connected once per JVM.
     *
     * @throws ContainerEngineUnavailableException as {@link ContainerEngineLocator#connect()}
     */
    public static ContainerEngine connect(Map<String, String> environment) {
        Map<String, String> key = new TreeMap<>();
        for (String name : LOCATOR_KEYS) {
            String value = environment.get(name);
            if (value != null) {
                key.put(name, value);
            }
        }
        ContainerEngine engine = ENGINES.get(key);
        if (engine != null) {
            return engine;
        }
        synchronized (SharedContainerEngines.class) {
            return ENGINES.computeIfAbsent(key, k -> new ContainerEngineLocator(environment).connect());
        }
    }
}
