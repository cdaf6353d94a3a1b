package dev.apphost.spring.connection;

import dev.apphost.spring.AppHostConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The connections the AppHost injected into this service, read from Spring's {@link Environment}
 * (so from environment variables, and from any other property source in tests), and the rule that
 * picks the one a client uses.
 *
 * <pre>{@code
 * AppHostConnections connections = AppHostConnections.from(environment);
 * Optional<AppHostConnection> redis = connections.select(ConnectionKind.REDIS);
 * }</pre>
 *
 * <p>The rule for a kind: the connection named by {@code apphost.<kind>.connection-name} when it is
 * set; otherwise the only connection that is certainly of that kind (a {@code redis://} URI…);
 * otherwise the only one that may be (a bare {@code host:port} fits Redis and Kafka alike). Two
 * candidates at the same level are an error asking for the property.
 */
public final class AppHostConnections {

    private static final String CONNECTION_STRINGS = "ConnectionStrings__";

    private final Environment environment;
    private final Set<String> variableNames;

    private AppHostConnections(Environment environment, Set<String> variableNames) {
        this.environment = environment;
        this.variableNames = variableNames;
    }

    /** The connections visible in {@code environment}. */
    public static AppHostConnections from(Environment environment) {
        Set<String> names = new TreeSet<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    names.addAll(List.of(enumerable.getPropertyNames()));
                }
            }
        }
        return new AppHostConnections(environment, names);
    }

    /** Every connection with a {@code ConnectionStrings__<name>} variable, in name order. */
    public List<AppHostConnection> all() {
        List<AppHostConnection> result = new ArrayList<>();
        for (String variable : variableNames) {
            if (variable.startsWith(CONNECTION_STRINGS) && variable.length() > CONNECTION_STRINGS.length()) {
                find(variable.substring(CONNECTION_STRINGS.length())).ifPresent(result::add);
            }
        }
        return result;
    }

    /** The connection called {@code name}, from its connection string, its properties, or both. */
    public Optional<AppHostConnection> find(String name) {
        String connectionString = blankToNull(environment.getProperty(CONNECTION_STRINGS + name));
        String prefix = AppHostConnection.propertyPrefix(name);
        Map<String, String> properties = new LinkedHashMap<>();
        for (String variable : variableNames) {
            if (variable.startsWith(prefix)) {
                String property = variable.substring(prefix.length());
                if (!property.isEmpty() && property.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                    String value = blankToNull(environment.getProperty(variable));
                    if (value != null) {
                        properties.put(property, value);
                    }
                }
            }
        }
        if (connectionString == null && properties.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AppHostConnection(name, connectionString, properties));
    }

    /**
     * The connection of {@code kind} this service uses (see the class comment for the rule), or
     * empty when the AppHost injected none.
     *
     * @throws AppHostConfigurationException when the named connection does not exist or several fit
     */
    public Optional<AppHostConnection> select(ConnectionKind kind) {
        String property = kind.connectionNameProperty();
        String explicit = blankToNull(environment.getProperty(property));
        if (explicit != null) {
            AppHostConnection named = find(explicit).orElseThrow(() -> new AppHostConfigurationException(
                    property + " is '" + explicit + "' but the AppHost injected no connection of that name (neither "
                            + CONNECTION_STRINGS + explicit + " nor " + AppHostConnection.propertyPrefix(explicit)
                            + "* is set). Known connections: " + names(all()) + ". Fix the name, or add "
                            + ".withReference(" + explicit + ") to this service in the AppHost."));
            if (kind.match(named) == ConnectionKind.Match.NONE) {
                throw new AppHostConfigurationException(property + " names '" + explicit + "', but " + named.source()
                        + " does not look like a " + kind.displayName() + " connection (" + kind.expectedForm()
                        + "). Name a " + kind.displayName() + " connection instead.");
            }
            return Optional.of(named);
        }
        List<AppHostConnection> definite = new ArrayList<>();
        List<AppHostConnection> possible = new ArrayList<>();
        for (AppHostConnection connection : all()) {
            switch (kind.match(connection)) {
                case DEFINITE -> definite.add(connection);
                case POSSIBLE -> possible.add(connection);
                case NONE -> { }
            }
        }
        List<AppHostConnection> candidates = !definite.isEmpty() ? definite : possible;
        if (candidates.size() > 1) {
            throw new AppHostConfigurationException("Several connections the AppHost injected look like "
                    + kind.displayName() + ": " + names(candidates) + ". Set " + property
                    + " to the one this service uses, e.g. " + property + "=" + candidates.get(0).name()
                    + " (or " + kind.enabledProperty() + "=false to configure " + kind.displayName() + " yourself).");
        }
        return candidates.stream().findFirst();
    }

    private static String names(List<AppHostConnection> connections) {
        return connections.isEmpty() ? "none"
                : String.join(", ", connections.stream().map(AppHostConnection::name).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
