package dev.apphost.spring.connection;

import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.amqp.RabbitConnectionDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Spring Boot {@code ConnectionDetails} for the connections the AppHost injects, so that a service
 * with {@code .withReference(cache)} reaches that Redis with no {@code spring.data.redis.*} at all.
 * Runs before Spring Boot's own auto-configurations, which then use these details instead of their
 * properties; a {@code ConnectionDetails} bean of the application's own (or Testcontainers') wins.
 */
// after Testcontainers' @ServiceConnection registrar, so that its ConnectionDetails are seen and win
@AutoConfiguration(afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration",
        beforeName = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration",
        "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
        "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
        "org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration" })
@ConditionalOnProperty(name = "apphost.enabled", matchIfMissing = true)
public class AppHostConnectionDetailsAutoConfiguration {

    private static final Log log = LogFactory.getLog(AppHostConnectionDetailsAutoConfiguration.class);

    static <T> T details(Environment environment, ConnectionKind kind, Function<AppHostConnection, T> factory) {
        AppHostConnection connection = AppHostConnections.from(environment).select(kind).orElseThrow();
        T details = factory.apply(connection);
        log.info("apphost: " + kind.displayName() + " from " + connection.source() + " (" + details + ")");
        return details;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
    @ConditionalOnProperty(name = "apphost.redis.enabled", matchIfMissing = true)
    @ConditionalOnAppHostConnection(ConnectionKind.REDIS)
    static class Redis {

        @Bean
        @ConditionalOnMissingBean(RedisConnectionDetails.class)
        AppHostRedisConnectionDetails appHostRedisConnectionDetails(Environment environment) {
            return details(environment, ConnectionKind.REDIS, AppHostRedisConnectionDetails::of);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "javax.sql.DataSource", "org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType" })
    @ConditionalOnProperty(name = "apphost.jdbc.enabled", matchIfMissing = true)
    @ConditionalOnAppHostConnection(ConnectionKind.JDBC)
    static class Jdbc {

        @Bean
        @ConditionalOnMissingBean(JdbcConnectionDetails.class)
        AppHostJdbcConnectionDetails appHostJdbcConnectionDetails(Environment environment) {
            return details(environment, ConnectionKind.JDBC, AppHostJdbcConnectionDetails::of);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.amqp.rabbit.core.RabbitTemplate")
    @ConditionalOnProperty(name = "apphost.rabbitmq.enabled", matchIfMissing = true)
    @ConditionalOnAppHostConnection(ConnectionKind.RABBITMQ)
    static class Rabbit {

        @Bean
        @ConditionalOnMissingBean(RabbitConnectionDetails.class)
        AppHostRabbitConnectionDetails appHostRabbitConnectionDetails(Environment environment) {
            return details(environment, ConnectionKind.RABBITMQ, AppHostRabbitConnectionDetails::of);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
    @ConditionalOnProperty(name = "apphost.kafka.enabled", matchIfMissing = true)
    @ConditionalOnAppHostConnection(ConnectionKind.KAFKA)
    static class Kafka {

        @Bean
        @ConditionalOnMissingBean(KafkaConnectionDetails.class)
        AppHostKafkaConnectionDetails appHostKafkaConnectionDetails(Environment environment) {
            return details(environment, ConnectionKind.KAFKA, AppHostKafkaConnectionDetails::of);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.mongodb.ConnectionString")
    @ConditionalOnProperty(name = "apphost.mongodb.enabled", matchIfMissing = true)
    @ConditionalOnAppHostConnection(ConnectionKind.MONGODB)
    static class Mongo {

        @Bean
        @ConditionalOnMissingBean(MongoConnectionDetails.class)
        AppHostMongoConnectionDetails appHostMongoConnectionDetails(Environment environment) {
            return details(environment, ConnectionKind.MONGODB, AppHostMongoConnectionDetails::of);
        }
    }
}
