package dev.apphost.samples.webfrontend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Shows the API service's forecasts, found through the {@code services__apiservice__http__0}
 * variable the AppHost injects, and caches them for 10 seconds in the Redis named by
 * {@code ConnectionStrings__cache}.
 */
@RestController
public class WeatherController {

    private static final String CACHE_KEY = "weatherforecast";
    private static final Pattern FORECAST = Pattern.compile(
            "\\{\"date\":\"([^\"]*)\",\"temperatureC\":(-?\\d+),\"temperatureF\":(-?\\d+),\"summary\":\"([^\"]*)\"}");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiBase = System.getenv("services__apiservice__http__0");
    private final JedisPooled redis = connect(System.getenv("ConnectionStrings__cache"));

    private static JedisPooled connect(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            return null;
        }
        RedisConnectionString cs = RedisConnectionString.parse(connectionString);
        return new JedisPooled(new HostAndPort(cs.host(), cs.port()),
                DefaultJedisClientConfig.builder().password(cs.password()).ssl(cs.ssl()).timeoutMillis(2000).build());
    }

    @GetMapping(path = "/health", produces = MediaType.TEXT_PLAIN_VALUE)
    public String health() {
        return "Healthy";
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String weather() {
        String source;
        String json = null;
        String cacheState = redis == null ? "no cache configured (ConnectionStrings__cache is not set)" : null;
        if (redis != null) {
            try {
                json = redis.get(CACHE_KEY);
                cacheState = json != null ? "served from the Redis cache" : "not in the cache yet";
            } catch (RuntimeException e) {
                cacheState = "cache unavailable: " + e.getMessage();
            }
        }
        if (json == null) {
            try {
                json = fetch();
                source = "fresh from apiservice (" + apiBase + ")";
            } catch (Exception e) {
                return page("<p class=error>apiservice unavailable: " + HtmlUtils.htmlEscape(String.valueOf(e)) + "</p>");
            }
            if (redis != null) {
                try {
                    redis.set(CACHE_KEY, json, SetParams.setParams().ex(10));
                } catch (RuntimeException e) {
                    cacheState = "cache unavailable: " + e.getMessage();
                }
            }
        } else {
            source = "from the Redis cache (refreshed every 10 s)";
        }
        StringBuilder rows = new StringBuilder();
        Matcher m = FORECAST.matcher(json);
        while (m.find()) {
            rows.append("<tr><td>").append(m.group(1)).append("</td><td>").append(m.group(2)).append("</td><td>")
                    .append(m.group(3)).append("</td><td>").append(HtmlUtils.htmlEscape(m.group(4))).append("</td></tr>");
        }
        return page("<table><tr><th>Date</th><th>Temp. (C)</th><th>Temp. (F)</th><th>Summary</th></tr>" + rows
                + "</table><p>Forecasts " + HtmlUtils.htmlEscape(source) + "; cache: "
                + HtmlUtils.htmlEscape(cacheState) + ".</p>");
    }

    private String fetch() throws Exception {
        if (apiBase == null) {
            throw new IllegalStateException("services__apiservice__http__0 is not set");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + "/weatherforecast"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /weatherforecast answered " + response.statusCode());
        }
        return response.body();
    }

    private static String page(String body) {
        return "<!DOCTYPE html><html><head><meta charset=utf-8><title>Weather</title></head><body>"
                + "<h1>Weather</h1>" + body + "</body></html>";
    }
}
