package dev.apphost.spring.connection;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;

/** Kafka from an AppHost connection: the bootstrap servers Aspire injects ({@code localhost:9092[,…]}), else {@code <NAME>_HOST}:{@code _PORT}. */
public final class AppHostKafkaConnectionDetails implements KafkaConnectionDetails {

    private final List<String> bootstrapServers;

    private AppHostKafkaConnectionDetails(List<String> bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static AppHostKafkaConnectionDetails of(AppHostConnection connection) {
        String cs = connection.connectionString();
        if (cs != null) {
            return new AppHostKafkaConnectionDetails(Arrays.stream(cs.split(",")).map(String::trim).toList());
        }
        String host = connection.property("HOST").orElse("localhost");
        String port = connection.property("PORT").orElse("9092");
        ConnectionStringForms.port(connection, port, "port");
        return new AppHostKafkaConnectionDetails(List.of(host + ":" + port));
    }

    @Override
    public List<String> getBootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String toString() {
        return "Kafka " + String.join(",", bootstrapServers);
    }
}
