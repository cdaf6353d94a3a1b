package dev.apphost.spring.discovery;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Spring Cloud discovery clients fed from the {@code services__…} variables, when Spring Cloud
 * Commons is on the classpath. They sit beside any other discovery client (Spring Cloud's
 * composite client asks each in turn); {@code apphost.discovery-client.enabled=false} turns them off.
 */
@AutoConfiguration(after = AppHostServiceDiscoveryAutoConfiguration.class, beforeName = {
        "org.springframework.cloud.client.discovery.composite.CompositeDiscoveryClientAutoConfiguration",
        "org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration",
        "org.springframework.cloud.client.discovery.composite.reactive.ReactiveCompositeDiscoveryClientAutoConfiguration",
        "org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClientAutoConfiguration" })
@ConditionalOnClass(name = "org.springframework.cloud.client.discovery.DiscoveryClient")
@ConditionalOnProperty(name = { "apphost.enabled", "apphost.discovery-client.enabled", "spring.cloud.discovery.enabled" },
        matchIfMissing = true)
public class AppHostDiscoveryClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AppHostServices appHostServices(Environment environment) {
        return AppHostServices.from(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    AppHostDiscoveryClient appHostDiscoveryClient(AppHostServices services) {
        return new AppHostDiscoveryClient(services);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.core.publisher.Flux")
    static class Reactive {

        @Bean
        @ConditionalOnMissingBean
        AppHostReactiveDiscoveryClient appHostReactiveDiscoveryClient(AppHostServices services) {
            return new AppHostReactiveDiscoveryClient(services);
        }
    }
}
