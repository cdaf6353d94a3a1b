package dev.apphost.spring.discovery;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Service discovery from the {@code services__…} variables: every {@code RestClient},
 * {@code RestTemplate} and {@code WebClient} built from Spring Boot's auto-configured builders sends
 * {@code http://apiservice/…} (and {@code https+http://apiservice/…}) to the URL the AppHost injected.
 *
 * <p>With Spring Cloud LoadBalancer on the classpath the builders are left to it: {@code @LoadBalanced}
 * clients resolve names through {@link AppHostDiscoveryClient} instead.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration" })
@ConditionalOnProperty(name = { "apphost.enabled", "apphost.service-discovery.enabled" }, matchIfMissing = true)
public class AppHostServiceDiscoveryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AppHostServices appHostServices(Environment environment) {
        return AppHostServices.from(environment);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.http.client.ClientHttpRequestInterceptor")
    @ConditionalOnMissingClass("org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier")
    static class Blocking {

        @Bean
        @ConditionalOnClass(name = "org.springframework.web.client.RestClient")
        RestClientCustomizer appHostRestClientCustomizer(AppHostServices services) {
            AppHostServiceInterceptor interceptor = new AppHostServiceInterceptor(services);
            return builder -> builder.requestInterceptors(list -> {
                if (!list.contains(interceptor)) {
                    list.add(0, interceptor);
                }
            });
        }

        @Bean
        RestTemplateCustomizer appHostRestTemplateCustomizer(AppHostServices services) {
            AppHostServiceInterceptor interceptor = new AppHostServiceInterceptor(services);
            return restTemplate -> restTemplate.getInterceptors().add(0, interceptor);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.client.WebClient")
    @ConditionalOnMissingClass("org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier")
    static class Reactive {

        @Bean
        WebClientCustomizer appHostWebClientCustomizer(AppHostServices services) {
            AppHostServiceFilter filter = new AppHostServiceFilter(services);
            return builder -> builder.filters(list -> {
                if (!list.contains(filter)) {
                    list.add(0, filter);
                }
            });
        }
    }
}
