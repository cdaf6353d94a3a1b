package dev.apphost.spring.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.spring.AppHostConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.amqp.RabbitConnectionDetails;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The variables the AppHost injects, simulated as property values; no real environment is touched. */
class AppHostConnectionDetailsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AppHostConnectionDetailsAutoConfiguration.class));

    @Test
    void redisFromTheConnectionStringTheAppHostInjects() {
        runner.withPropertyValues("ConnectionStrings__cache=localhost:62354,password=s3cret",
                "CACHE_HOST=localhost", "CACHE_PORT=62354", "CACHE_PASSWORD=s3cret",
                "CACHE_URI=redis://:s3cret@localhost:62354").run(context -> {
            RedisConnectionDetails redis = context.getBean(RedisConnectionDetails.class);
            assertThat(redis.getStandalone().getHost()).isEqualTo("localhost");
            assertThat(redis.getStandalone().getPort()).isEqualTo(62354);
            assertThat(redis.getPassword()).isEqualTo("s3cret");
            assertThat(redis.getUsername()).isNull();
            assertThat(context).doesNotHaveBean(KafkaConnectionDetails.class);
            assertThat(context).doesNotHaveBean(JdbcConnectionDetails.class);
        });
    }

    @Test
    void redisFromConnectionPropertiesAloneWhenNamed() {
        runner.withPropertyValues("apphost.redis.connection-name=sessions", "SESSIONS_HOST=10.0.0.7",
                "SESSIONS_PORT=6380", "SESSIONS_PASSWORD=p%40ss").run(context -> {
            RedisConnectionDetails redis = context.getBean(RedisConnectionDetails.class);
            assertThat(redis.getStandalone().getHost()).isEqualTo("10.0.0.7");
            assertThat(redis.getStandalone().getPort()).isEqualTo(6380);
            assertThat(redis.getPassword()).isEqualTo("p%40ss");
        });
    }

    @Test
    void redisFromAUriWithUserDatabaseAndEscapedPassword() {
        runner.withPropertyValues("ConnectionStrings__cache=redis://app:p%40ss@cache.internal:6390/2").run(context -> {
            RedisConnectionDetails redis = context.getBean(RedisConnectionDetails.class);
            assertThat(redis.getUsername()).isEqualTo("app");
            assertThat(redis.getPassword()).isEqualTo("p@ss");
            assertThat(redis.getStandalone().getHost()).isEqualTo("cache.internal");
            assertThat(redis.getStandalone().getDatabase()).isEqualTo(2);
        });
    }

    @Test
    void redisOverTls() {
        runner.withPropertyValues("ConnectionStrings__cache=cache.example.com:6380,password=x,ssl=true").run(context -> {
            var standalone = context.getBean(RedisConnectionDetails.class).getStandalone();
            assertThat(standalone.getHost()).isEqualTo("cache.example.com");
            assertThat(sslBundle(standalone)).isNotNull();
        });
        runner.withPropertyValues("ConnectionStrings__cache=localhost:6380,password=x").run(context ->
                assertThat(sslBundle(context.getBean(RedisConnectionDetails.class).getStandalone())).isNull());
    }

    /** Standalone#getSslBundle exists from Spring Boot 3.5; this suite also runs against 3.2. */
    private static Object sslBundle(RedisConnectionDetails.Standalone standalone) throws ReflectiveOperationException {
        try {
            var getter = standalone.getClass().getMethod("getSslBundle");
            getter.setAccessible(true);
            return getter.invoke(standalone);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Test
    void twoRedisConnectionsNeedTheProperty() {
        ApplicationContextRunner two = runner.withPropertyValues(
                "ConnectionStrings__cache=localhost:1111,password=a", "ConnectionStrings__sessions=localhost:2222,password=b");
        two.run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(AppHostConfigurationException.class)
                .hasMessageContaining("Several connections the AppHost injected look like Redis: cache, sessions")
                .hasMessageContaining("apphost.redis.connection-name=cache"));
        two.withPropertyValues("apphost.redis.connection-name=sessions").run(context ->
                assertThat(context.getBean(RedisConnectionDetails.class).getStandalone().getPort()).isEqualTo(2222));
    }

    @Test
    void aNamedConnectionThatDoesNotExistIsAClearError() {
        runner.withPropertyValues("ConnectionStrings__cache=localhost:1111,password=a",
                "apphost.redis.connection-name=cahce").run(context -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(AppHostConfigurationException.class)
                .hasMessageContaining("apphost.redis.connection-name is 'cahce'")
                .hasMessageContaining("Known connections: cache"));
    }

    @Test
    void aNamedConnectionOfAnotherKindIsAClearError() {
        runner.withPropertyValues("ConnectionStrings__queue=amqp://guest:guest@localhost:5672",
                "apphost.redis.connection-name=queue").run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("ConnectionStrings__queue does not look like a Redis connection"));
    }

    @Test
    void aBadPortNamesTheVariable() {
        runner.withPropertyValues("ConnectionStrings__cache=localhost:notaport,password=a").run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(AppHostConfigurationException.class)
                        .hasMessageContaining("ConnectionStrings__cache has port 'notaport'"));
    }

    @Test
    void theApplicationsOwnConnectionDetailsWin() {
        runner.withPropertyValues("ConnectionStrings__cache=localhost:62354,password=s3cret")
                .withBean(RedisConnectionDetails.class, () -> new RedisConnectionDetails() {
                    @Override
                    public Standalone getStandalone() {
                        return Standalone.of("mine", 1);
                    }
                })
                .run(context -> assertThat(context.getBean(RedisConnectionDetails.class).getStandalone().getHost())
                        .isEqualTo("mine"));
    }

    @Test
    void optOutPerKindAndAltogether() {
        ApplicationContextRunner cache = runner.withPropertyValues("ConnectionStrings__cache=localhost:62354,password=x");
        cache.withPropertyValues("apphost.redis.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RedisConnectionDetails.class));
        cache.withPropertyValues("apphost.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RedisConnectionDetails.class));
    }

    @Test
    void nothingWithoutTheClientLibrary() {
        runner.withPropertyValues("ConnectionStrings__cache=localhost:62354,password=x")
                .withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisConnectionDetails.class));
    }

    @Test
    void jdbcFromAspire13Properties() {
        runner.withPropertyValues("ConnectionStrings__db=Host=localhost;Port=5433;Username=postgres;Password=pw;Database=db",
                "DB_JDBCCONNECTIONSTRING=jdbc:postgresql://localhost:5433/db", "DB_USERNAME=postgres",
                "DB_PASSWORD=pw").run(context -> {
            JdbcConnectionDetails jdbc = context.getBean(JdbcConnectionDetails.class);
            assertThat(jdbc.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/db");
            assertThat(jdbc.getUsername()).isEqualTo("postgres");
            assertThat(jdbc.getPassword()).isEqualTo("pw");
            assertThat(jdbc.getDriverClassName()).isEqualTo("org.postgresql.Driver");
            assertThat(context).doesNotHaveBean(RedisConnectionDetails.class);
        });
    }

    @Test
    void jdbcFromAdoNetConnectionStrings() {
        runner.withPropertyValues("ConnectionStrings__db=Host=localhost;Port=5433;Username=postgres;Password=pw;Database=db")
                .run(context -> assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                        .isEqualTo("jdbc:postgresql://localhost:5433/db"));
        runner.withPropertyValues("ConnectionStrings__db=Server=localhost;Port=3307;User ID=root;Password=pw;Database=shop")
                .run(context -> {
                    JdbcConnectionDetails jdbc = context.getBean(JdbcConnectionDetails.class);
                    assertThat(jdbc.getJdbcUrl()).isEqualTo("jdbc:mysql://localhost:3307/shop");
                    assertThat(jdbc.getUsername()).isEqualTo("root");
                });
        runner.withPropertyValues("ConnectionStrings__db=Server=127.0.0.1,1433;User ID=sa;Password=pw;TrustServerCertificate=true;Initial Catalog=shop")
                .run(context -> assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                        .isEqualTo("jdbc:sqlserver://127.0.0.1:1433;trustServerCertificate=true;databaseName=shop"));
    }

    @Test
    void rabbitFromAnAmqpUri() {
        runner.withPropertyValues("ConnectionStrings__messaging=amqp://guest:pa%2Fss@localhost:5673/orders").run(context -> {
            RabbitConnectionDetails rabbit = context.getBean(RabbitConnectionDetails.class);
            assertThat(rabbit.getUsername()).isEqualTo("guest");
            assertThat(rabbit.getPassword()).isEqualTo("pa/ss");
            assertThat(rabbit.getVirtualHost()).isEqualTo("orders");
            assertThat(rabbit.getFirstAddress().host()).isEqualTo("localhost");
            assertThat(rabbit.getFirstAddress().port()).isEqualTo(5673);
        });
    }

    @Test
    void kafkaFromBootstrapServersBesideARedisWithPassword() {
        runner.withPropertyValues("ConnectionStrings__events=localhost:9093",
                "ConnectionStrings__cache=localhost:6380,password=x").run(context -> {
            assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers()).containsExactly("localhost:9093");
            assertThat(context.getBean(RedisConnectionDetails.class).getStandalone().getPort()).isEqualTo(6380);
        });
    }

    @Test
    void mongoFromAMongodbUri() {
        runner.withPropertyValues("ConnectionStrings__mongo=mongodb://admin:pw@localhost:27018/shop?authSource=admin")
                .run(context -> {
                    var mongo = context.getBean(MongoConnectionDetails.class).getConnectionString();
                    assertThat(mongo.getHosts()).containsExactly("localhost:27018");
                    assertThat(mongo.getDatabase()).isEqualTo("shop");
                    assertThat(mongo.getUsername()).isEqualTo("admin");
                    assertThat(context).doesNotHaveBean(RedisConnectionDetails.class);
                });
    }
}
