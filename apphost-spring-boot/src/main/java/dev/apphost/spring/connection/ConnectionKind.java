package dev.apphost.spring.connection;

import java.util.Optional;

/**
 * The kinds of connection apphost-spring-boot turns into Spring Boot {@code ConnectionDetails}, each
 * recognised from the form of Aspire's connection string or connection properties.
 */
public enum ConnectionKind {

    /** {@code host:port,password=…} (StackExchange.Redis form) or a {@code redis://} / {@code rediss://} URI. */
    REDIS("redis", "Redis", "host:port,password=… or redis://:password@host:port"),
    /** {@code <NAME>_JDBCCONNECTIONSTRING}, a {@code jdbc:} connection string, or an ADO.NET one ({@code Host=…;Port=…}). */
    JDBC("jdbc", "JDBC", "<NAME>_JDBCCONNECTIONSTRING, jdbc:… or Host=…;Port=…;Username=…"),
    /** An {@code amqp://} or {@code amqps://} URI. */
    RABBITMQ("rabbitmq", "RabbitMQ", "amqp://user:password@host:port"),
    /** Bootstrap servers: {@code host:port[,host:port…]}. */
    KAFKA("kafka", "Kafka", "host:port[,host:port…]"),
    /** A {@code mongodb://} or {@code mongodb+srv://} URI. */
    MONGODB("mongodb", "MongoDB", "mongodb://user:password@host:port/database");

    /** How sure a connection is of a kind. */
    public enum Match { DEFINITE, POSSIBLE, NONE }

    private final String key;
    private final String displayName;
    private final String expectedForm;

    ConnectionKind(String key, String displayName, String expectedForm) {
        this.key = key;
        this.displayName = displayName;
        this.expectedForm = expectedForm;
    }

    /** {@code apphost.<kind>.connection-name}: names the connection to use when several fit. */
    public String connectionNameProperty() {
        return "apphost." + key + ".connection-name";
    }

    /** {@code apphost.<kind>.enabled}: {@code false} leaves this kind to Spring Boot's own properties. */
    public String enabledProperty() {
        return "apphost." + key + ".enabled";
    }

    public String displayName() {
        return displayName;
    }

    String expectedForm() {
        return expectedForm;
    }

    /** Whether {@code connection} is of this kind, from the form of its values. */
    public Match match(AppHostConnection connection) {
        String cs = connection.connectionString();
        Optional<String> scheme = ConnectionStringForms.scheme(connection);
        return switch (this) {
            case REDIS -> scheme.map(s -> s.equals("redis") || s.equals("rediss") ? Match.DEFINITE : Match.NONE)
                    .orElseGet(() -> hostPortOnly(connection) ? Match.POSSIBLE
                            : ConnectionStringForms.isStackExchangeRedis(cs) ? Match.DEFINITE : Match.NONE);
            case JDBC -> connection.property("JDBCCONNECTIONSTRING").isPresent()
                    || (cs != null && cs.startsWith("jdbc:"))
                    || ConnectionStringForms.isAdoNet(cs) ? Match.DEFINITE : Match.NONE;
            case RABBITMQ -> scheme.filter(s -> s.equals("amqp") || s.equals("amqps")).isPresent()
                    ? Match.DEFINITE : Match.NONE;
            case KAFKA -> scheme.isEmpty() && hostPortOnly(connection) ? Match.POSSIBLE : Match.NONE;
            case MONGODB -> scheme.filter(s -> s.equals("mongodb") || s.equals("mongodb+srv")).isPresent()
                    ? Match.DEFINITE : Match.NONE;
        };
    }

    private static boolean hostPortOnly(AppHostConnection connection) {
        String cs = connection.connectionString();
        return ConnectionStringForms.isHostPortList(cs) || (cs == null && connection.property("HOST").isPresent());
    }
}
