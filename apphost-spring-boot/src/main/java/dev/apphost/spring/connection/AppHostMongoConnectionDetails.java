package dev.apphost.spring.connection;

import com.mongodb.ConnectionString;
import dev.apphost.spring.AppHostConfigurationException;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;

/** MongoDB from an AppHost connection: Aspire's {@code mongodb://user:password@host:port[/database][?authSource=admin…]}. */
public final class AppHostMongoConnectionDetails implements MongoConnectionDetails {

    private final ConnectionString connectionString;

    private AppHostMongoConnectionDetails(ConnectionString connectionString) {
        this.connectionString = connectionString;
    }

    public static AppHostMongoConnectionDetails of(AppHostConnection connection) {
        String text = ConnectionStringForms.uriText(connection).orElseThrow();
        try {
            return new AppHostMongoConnectionDetails(new ConnectionString(text));
        } catch (IllegalArgumentException e) {
            throw new AppHostConfigurationException(connection.source() + " is not a MongoDB connection string: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ConnectionString getConnectionString() {
        return connectionString;
    }

    @Override
    public String toString() {
        return "MongoDB " + String.join(",", connectionString.getHosts());
    }
}
