package dev.apphost.spring.connection;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.amqp.RabbitConnectionDetails;

/** RabbitMQ from an AppHost connection: Aspire's {@code amqp://user:password@host:port[/vhost]}. */
public final class AppHostRabbitConnectionDetails implements RabbitConnectionDetails {

    private final URI uri;

    private AppHostRabbitConnectionDetails(URI uri) {
        this.uri = uri;
    }

    /** Reads {@code connection}'s URI (connection string or {@code <NAME>_URI}). */
    public static AppHostRabbitConnectionDetails of(AppHostConnection connection) {
        return new AppHostRabbitConnectionDetails(ConnectionStringForms.uri(connection));
    }

    @Override
    public String getUsername() {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return "guest";
        }
        int colon = userInfo.indexOf(':');
        return decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
    }

    @Override
    public String getPassword() {
        String userInfo = uri.getRawUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        return colon < 0 ? "guest" : decode(userInfo.substring(colon + 1));
    }

    @Override
    public String getVirtualHost() {
        String path = uri.getRawPath();
        return path == null || path.length() <= 1 ? null : decode(path.substring(1));
    }

    @Override
    public List<Address> getAddresses() {
        boolean tls = "amqps".equalsIgnoreCase(uri.getScheme());
        return List.of(new Address(uri.getHost(), uri.getPort() < 0 ? (tls ? 5671 : 5672) : uri.getPort()));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RabbitMQ " + uri.getHost() + ":" + getAddresses().get(0).port();
    }
}
