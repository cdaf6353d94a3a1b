package dev.apphost.spring.discovery;

import dev.apphost.spring.AppHostConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The services the AppHost told this one about, from {@code services__<name>__<endpoint>__<i>=<url>},
 * and Aspire's resolution of logical URLs against them:
 *
 * <ul>
 *   <li>{@code http://apiservice/path} → the URL of the service's endpoint named {@code http} (else of any
 *       endpoint whose URL is {@code http:}), {@code https://apiservice} → its https one;</li>
 *   <li>{@code https+http://apiservice} → https when the service has it, else http (any {@code +}-joined list, in order);</li>
 *   <li>{@code http://_admin.apiservice} → the endpoint named {@code admin};</li>
 *   <li>any other host, or a URL with an explicit port, is left alone.</li>
 * </ul>
 *
 * <pre>{@code
 * AppHostServices services = AppHostServices.from(environment);
 * URI real = services.resolve(URI.create("https+http://apiservice/weatherforecast"));
 * // http://localhost:5455/weatherforecast when only services__apiservice__http__0 is set
 * }</pre>
 */
public final class AppHostServices {

    private static final Pattern VARIABLE = Pattern.compile("services__(.+)__(.+)__(\\d+)");

    /** service name → endpoint name → URLs by index */
    private final Map<String, Map<String, Map<Integer, URI>>> services;

    private AppHostServices(Map<String, Map<String, Map<Integer, URI>>> services) {
        this.services = services;
    }

    /** The services in {@code environment}'s {@code services__…} variables. */
    public static AppHostServices from(Environment environment) {
        Map<String, Map<String, Map<Integer, URI>>> services = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String variable : enumerable.getPropertyNames()) {
                        Matcher m = VARIABLE.matcher(variable);
                        if (m.matches()) {
                            String value = environment.getProperty(variable);
                            if (value != null && !value.isBlank()) {
                                services.computeIfAbsent(m.group(1), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                                        .computeIfAbsent(m.group(2), k -> new TreeMap<>())
                                        .putIfAbsent(Integer.parseInt(m.group(3)), parse(variable, value.trim()));
                            }
                        }
                    }
                }
            }
        }
        return new AppHostServices(services);
    }

    private static URI parse(String variable, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new AppHostConfigurationException(variable + " is '" + value + "', which is not a URL such as "
                    + "http://localhost:5455 (" + e.getReason() + "); check the endpoint the AppHost references.", e);
        }
    }

    /** The names of the known services. */
    public Set<String> serviceNames() {
        return services.keySet();
    }

    /** Whether {@code name} is a service the AppHost referenced. */
    public boolean contains(String name) {
        return services.containsKey(name);
    }

    /** A service's endpoints by name, each with its URLs in index order; empty for an unknown service. */
    public Map<String, List<URI>> endpoints(String service) {
        Map<String, List<URI>> result = new TreeMap<>();
        services.getOrDefault(service, Map.of()).forEach((endpoint, urls) -> result.put(endpoint, List.copyOf(urls.values())));
        return result;
    }

    /**
     * {@code uri} with a referenced service's logical host replaced by its real URL; {@code uri}
     * itself when its host is not a referenced service.
     *
     * @throws AppHostConfigurationException when the service is known but has no endpoint for the scheme
     */
    public URI resolve(URI uri) {
        return target(uri).map(target -> rewrite(uri, target)).orElse(uri);
    }

    private Optional<URI> target(URI uri) {
        String scheme = uri.getScheme();
        String authority = uri.getRawAuthority();
        if (scheme == null || authority == null || authority.contains("@") || hasPort(authority)) {
            return Optional.empty();
        }
        String host = authority;
        String endpointName = null;
        if (host.startsWith("_") && host.indexOf('.') > 1) {
            endpointName = host.substring(1, host.indexOf('.'));
            host = host.substring(host.indexOf('.') + 1);
        }
        Map<String, Map<Integer, URI>> endpoints = services.get(host);
        if (endpoints == null) {
            return Optional.empty();
        }
        List<String> schemes = Arrays.asList(scheme.toLowerCase(Locale.ROOT).split("\\+"));
        List<URI> candidates = new ArrayList<>();
        if (endpointName != null) {
            Map<Integer, URI> named = endpoints.get(endpointName);
            if (named == null) {
                throw new AppHostConfigurationException("Service '" + host + "' has no endpoint named '" + endpointName
                        + "' (it has " + endpoints.keySet() + "), so " + uri + " cannot be resolved. Use one of those "
                        + "names, or reference that endpoint in the AppHost.");
            }
            candidates.addAll(named.values());
        } else {
            endpoints.values().forEach(urls -> candidates.addAll(urls.values()));
        }
        for (String wanted : schemes) {
            // Aspire looks up Services:<name>:<scheme>: the endpoint named like the scheme comes first
            Map<Integer, URI> sameName = endpointName == null ? endpoints.get(wanted) : null;
            if (sameName != null && !sameName.isEmpty()) {
                return Optional.of(sameName.values().iterator().next());
            }
            for (URI candidate : candidates) {
                if (candidate.getScheme().equalsIgnoreCase(wanted)) {
                    return Optional.of(candidate);
                }
            }
        }
        if (endpointName != null && !candidates.isEmpty()) {
            return Optional.of(candidates.get(0));
        }
        throw new AppHostConfigurationException("Service '" + host + "' has no " + String.join(" or ", schemes)
                + " endpoint (its endpoints: " + describe(endpoints) + "), so " + uri + " cannot be resolved. Use "
                + "one of those schemes, or https+http://" + host + " to take https when there is one and http otherwise.");
    }

    private static boolean hasPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon >= 0 && authority.lastIndexOf(']') < colon;
    }

    private static String describe(Map<String, Map<Integer, URI>> endpoints) {
        List<String> parts = new ArrayList<>();
        endpoints.forEach((name, urls) -> parts.add(name + "=" + urls.values()));
        return String.join(", ", parts);
    }

    private static URI rewrite(URI logical, URI target) {
        String basePath = target.getRawPath() == null ? "" : target.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        String path = logical.getRawPath() == null ? "" : logical.getRawPath();
        StringBuilder sb = new StringBuilder().append(target.getScheme()).append("://").append(target.getRawAuthority())
                .append(basePath).append(path);
        if (logical.getRawQuery() != null) {
            sb.append('?').append(logical.getRawQuery());
        }
        if (logical.getRawFragment() != null) {
            sb.append('#').append(logical.getRawFragment());
        }
        return URI.create(sb.toString());
    }
}
