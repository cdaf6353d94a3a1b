package dev.apphost.spring.defaults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Adds Aspire's ServiceDefaults as the lowest-precedence property source {@value #SOURCE_NAME}:
 * health probes when Spring Boot Actuator is present, and OTLP export from the {@code OTEL_*}
 * variables when Micrometer Tracing's OpenTelemetry bridge / Micrometer's OTLP registry / the
 * OTLP log exporter are present, unless the OpenTelemetry Java agent is attached (it exports
 * itself). {@code apphost.health.enabled=false} and {@code apphost.otlp.enabled=false} turn each off.
 */
public class AppHostDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE_NAME = "apphostServiceDefaults";

    private final Log log;

    public AppHostDefaultsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(AppHostDefaultsEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // after the config data post-processor, so that application.properties is already in place
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader classLoader = application == null ? null : application.getClassLoader();
        apply(environment, name -> ClassUtils.isPresent(name, classLoader), OpenTelemetryAgent.isAttached());
    }

    void apply(ConfigurableEnvironment environment, Predicate<String> classPresent, boolean agentAttached) {
        if (!environment.getProperty("apphost.enabled", Boolean.class, true)
                || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (environment.getProperty("apphost.health.enabled", Boolean.class, true)) {
            defaults.putAll(ServiceDefaults.health(classPresent));
        }
        if (environment.getProperty("apphost.otlp.enabled", Boolean.class, true)) {
            if (agentAttached) {
                if (environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT") != null) {
                    log.info("apphost: the OpenTelemetry Java agent is attached; it exports telemetry, so "
                            + "management.otlp.* is left as it is");
                }
            } else {
                ServiceDefaults.Result otlp = ServiceDefaults.otlp(environment::getProperty, classPresent);
                defaults.putAll(otlp.properties());
                otlp.notes().forEach(note -> log.info("apphost: " + note));
            }
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
            log.debug("apphost: service defaults " + defaults.keySet());
        }
    }
}
