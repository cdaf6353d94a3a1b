package dev.apphost.spring.connection;

import dev.apphost.spring.AppHostConfigurationException;
import java.util.Map;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;

/**
 * A JDBC database from an AppHost connection: {@code <NAME>_JDBCCONNECTIONSTRING} with
 * {@code <NAME>_USERNAME}/{@code _PASSWORD} (Aspire 13, whose JDBC strings never hold credentials),
 * else a {@code jdbc:} connection string, else the ADO.NET connection string of PostgreSQL
 * ({@code Host=…;Port=…;Username=…;Password=…;Database=…}), MySQL ({@code Server=…;Port=…;User ID=…}),
 * SQL Server ({@code Server=host,port;…;Initial Catalog=…}) or Oracle ({@code Data Source=host:port/service}).
 * The driver class follows from the URL, as Spring Boot does for {@code spring.datasource.url}.
 */
public final class AppHostJdbcConnectionDetails implements JdbcConnectionDetails {

    private final String jdbcUrl;
    private final String username;
    private final String password;

    private AppHostJdbcConnectionDetails(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** Reads {@code connection}; fails naming the variable when no JDBC URL can be made from it. */
    public static AppHostJdbcConnectionDetails of(AppHostConnection connection) {
        String cs = connection.connectionString();
        Map<String, String> ado = ConnectionStringForms.isAdoNet(cs) ? ConnectionStringForms.keyValues(cs, ';') : Map.of();
        String username = connection.property("USERNAME").orElseGet(() -> first(ado, "username", "user id", "uid", "user"));
        String password = connection.property("PASSWORD").orElseGet(() -> first(ado, "password", "pwd"));
        String url = connection.property("JDBCCONNECTIONSTRING").orElse(null);
        if (url == null && cs != null && cs.startsWith("jdbc:")) {
            url = cs;
        }
        if (url == null && !ado.isEmpty()) {
            url = fromAdoNet(connection, ado);
        }
        if (url == null) {
            throw new AppHostConfigurationException(connection.source() + " holds no JDBC connection: expected "
                    + ConnectionKind.JDBC.expectedForm() + ".");
        }
        return new AppHostJdbcConnectionDetails(url, username, password);
    }

    private static String fromAdoNet(AppHostConnection connection, Map<String, String> ado) {
        String database = first(ado, "database", "initial catalog");
        if (ado.containsKey("host")) {
            return "jdbc:postgresql://" + ado.get("host") + ":" + ado.getOrDefault("port", "5432")
                    + (database == null ? "" : "/" + database);
        }
        if (ado.containsKey("data source")) {
            return "jdbc:oracle:thin:@//" + ado.get("data source");
        }
        String server = ado.get("server");
        boolean sqlServer = server.contains(",") || ado.containsKey("initial catalog")
                || ado.containsKey("trustservercertificate");
        if (sqlServer) {
            String hostPort = server.replace("tcp:", "").replace(',', ':');
            return "jdbc:sqlserver://" + hostPort + ";trustServerCertificate="
                    + ado.getOrDefault("trustservercertificate", "true").toLowerCase(java.util.Locale.ROOT)
                    + (database == null ? "" : ";databaseName=" + database);
        }
        return "jdbc:mysql://" + server + ":" + ado.getOrDefault("port", "3306") + (database == null ? "" : "/" + database);
    }

    private static String first(Map<String, String> values, String... keys) {
        for (String key : keys) {
            String value = values.get(key);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String toString() {
        return "JDBC " + jdbcUrl;
    }
}
