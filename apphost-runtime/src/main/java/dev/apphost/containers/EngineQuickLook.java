package dev.apphost.containers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One look at the engine's containers over a plain JDK socket, for a fresh JVM that cannot wait for
 * docker-java's first connection (seconds of class loading): a persistent container that is already
 * running can be reused from this look alone while the real connection is made in the background.
 *
 * <pre>{@code
 * Optional<ManagedContainer> cache = EngineQuickLook.find(System.getenv(), "cache-1a2b3c4d",
 *         ResourceLabels.persistentFilter(), Duration.ofSeconds(1));
 * }</pre>
 *
 * The engine is the one {@link ContainerEngineLocator} would choose: its candidates in order, the first
 * that answers. TLS endpoints are not looked at (empty: use the locator).
 */
public final class EngineQuickLook {
    private static final JsonFactory JSON = new JsonFactory();

    private EngineQuickLook() {
    }

    /**
     * The container named {@code name} among those with every label of {@code labels}, as the engine
     * that {@code environment} leads to lists it; empty when there is none, or when the look cannot be
     * made (TLS, no candidate answers within {@code timeout}, an answer it cannot read).
     */
    public static Optional<ManagedContainer> find(Map<String, String> environment, String name,
            Map<String, String> labels, Duration timeout) {
        return list(environment, labels, timeout).flatMap(all -> all.stream().filter(c -> c.name().equals(name))
                .findFirst());
    }

    /**
     * The containers with every label of {@code labels}, as the engine that {@code environment} leads to
     * lists them; empty when the look cannot be made (TLS, no candidate answers within {@code timeout},
     * an answer it cannot read).
     */
    public static Optional<List<ManagedContainer>> list(Map<String, String> environment, Map<String, String> labels,
            Duration timeout) {
        ContainerEngineLocator locator = new ContainerEngineLocator(environment);
        List<ContainerEngineLocator.Candidate> candidates;
        try {
            candidates = locator.candidates();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        for (ContainerEngineLocator.Candidate candidate : candidates) {
            URI uri;
            try {
                uri = URI.create(candidate.host());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if ("unix".equals(uri.getScheme()) && !Files.exists(Path.of(uri.getPath()))) {
                continue; // the locator passes over it too
            }
            if (!"unix".equals(uri.getScheme()) && !"tcp".equals(uri.getScheme()) || locator.usesTls(uri)) {
                return Optional.empty();
            }
            String answer;
            try {
                answer = RawPing.get(uri, "/containers/json?all=1&filters=" + filter(labels), timeout);
            } catch (IOException e) {
                continue; // does not answer: the locator would try the next one
            }
            try {
                return Optional.of(parse(answer));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String filter(Map<String, String> labels) {
        StringBuilder json = new StringBuilder("{\"label\":[");
        String separator = "";
        for (var label : labels.entrySet()) {
            json.append(separator).append('"').append(escape(label.getKey() + "=" + label.getValue())).append('"');
            separator = ",";
        }
        return URLEncoder.encode(json.append("]}").toString(), StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The containers of a {@code GET /containers/json} answer (status line and headers included). */
    static List<ManagedContainer> parse(String answer) throws IOException {
        if (!answer.startsWith("HTTP/1.") || !answer.substring(0, answer.indexOf("\r\n")).contains(" 200")) {
            throw new IOException("not a 200 answer");
        }
        int body = answer.indexOf("\r\n\r\n");
        if (body < 0) {
            throw new IOException("no body");
        }
        List<ManagedContainer> result = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(answer.substring(body + 4))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a list");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                result.add(container(parser));
            }
        }
        return result;
    }

    private static ManagedContainer container(JsonParser parser) throws IOException {
        String id = null;
        String name = "";
        String state = null;
        Map<String, String> labels = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "Id" -> id = parser.getText();
                case "State" -> state = parser.getText();
                case "Names" -> {
                    while (value == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.VALUE_STRING) {
                        if (name.isEmpty()) {
                            name = parser.getText().replaceFirst("^/", "");
                        }
                    }
                }
                case "Labels" -> {
                    while (value == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        parser.nextToken();
                        labels.put(key, parser.getText());
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (id == null) {
            throw new IOException("a container without an id");
        }
        return new ManagedContainer(id, name, state, labels);
    }
}
