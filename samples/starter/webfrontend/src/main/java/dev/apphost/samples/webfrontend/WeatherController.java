package dev.apphost.samples.webfrontend;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Shows the API service's forecasts and caches them for 10 seconds in Redis. Neither place is
 * configured here: apphost-spring-boot resolves {@code https+http://apiservice} from the
 * {@code services__apiservice__…} variables and points Spring Boot's Redis at
 * {@code ConnectionStrings__cache}, both injected by the AppHost's {@code withReference(...)}.
 */
@RestController
public class WeatherController {

    static final String API_SERVICE = "https+http://apiservice";
    private static final String CACHE_KEY = "weatherforecast";
    private static final Duration CACHE_FOR = Duration.ofSeconds(10);

    record Forecast(String date, int temperatureC, int temperatureF, String summary) {
    }

    private final RestClient apiService;
    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    public WeatherController(RestClient.Builder builder, StringRedisTemplate redis, ObjectMapper json) {
        this.apiService = builder.baseUrl(API_SERVICE).build();
        this.redis = redis;
        this.json = json;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String weather() throws Exception {
        String cached = null;
        String cacheState;
        try {
            cached = redis.opsForValue().get(CACHE_KEY);
            cacheState = cached != null ? "served from the Redis cache" : "not in the cache yet";
        } catch (RuntimeException e) {
            cacheState = "cache unavailable: " + e.getMessage();
        }
        String body = cached;
        String source = "from the Redis cache (refreshed every 10 s)";
        if (body == null) {
            try {
                body = apiService.get().uri("/weatherforecast").retrieve().body(String.class);
                source = "fresh from apiservice (" + API_SERVICE + ")";
            } catch (RuntimeException e) {
                return page("<p class=error>apiservice unavailable: " + HtmlUtils.htmlEscape(String.valueOf(e)) + "</p>");
            }
            try {
                redis.opsForValue().set(CACHE_KEY, body, CACHE_FOR);
            } catch (RuntimeException e) {
                cacheState = "cache unavailable: " + e.getMessage();
            }
        }
        StringBuilder rows = new StringBuilder();
        for (Forecast f : json.readValue(body, new TypeReference<List<Forecast>>() { })) {
            rows.append("<tr><td>").append(HtmlUtils.htmlEscape(f.date())).append("</td><td>").append(f.temperatureC())
                    .append("</td><td>").append(f.temperatureF()).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(f.summary())).append("</td></tr>");
        }
        return page("<table><tr><th>Date</th><th>Temp. (C)</th><th>Temp. (F)</th><th>Summary</th></tr>" + rows
                + "</table><p>Forecasts " + HtmlUtils.htmlEscape(source) + "; cache: "
                + HtmlUtils.htmlEscape(cacheState) + ".</p>");
    }

    private static String page(String body) {
        return "<!DOCTYPE html><html><head><meta charset=utf-8><title>Weather</title></head><body>"
                + "<h1>Weather</h1>" + body + "</body></html>";
    }
}
