package dev.apphost.samples.apiservice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The starter's API service: {@code GET /weatherforecast} returns five forecasts as JSON,
 * {@code GET /health} answers {@code Healthy}. Listens on the port in {@code PORT} (the AppHost
 * sets it), 5001 by default.
 */
public final class ApiService {

    private static final String[] SUMMARIES = {
        "Freezing", "Bracing", "Chilly", "Cool", "Mild", "Warm", "Balmy", "Hot", "Sweltering", "Scorching"
    };

    private ApiService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "5001"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/weatherforecast", exchange -> respond(exchange, 200, "application/json", forecasts()));
        server.createContext("/health", exchange -> respond(exchange, 200, "text/plain", "Healthy"));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain", "Not found"));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        System.out.println("apiservice listening on http://localhost:" + server.getAddress().getPort());
    }

    static String forecasts() {
        StringJoiner json = new StringJoiner(",", "[", "]");
        LocalDate today = LocalDate.now();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 1; i <= 5; i++) {
            int celsius = random.nextInt(-20, 55);
            json.add("{\"date\":\"" + today.plusDays(i) + "\",\"temperatureC\":" + celsius
                    + ",\"temperatureF\":" + (32 + (int) (celsius / 0.5556))
                    + ",\"summary\":\"" + SUMMARIES[random.nextInt(SUMMARIES.length)] + "\"}");
        }
        return json.toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
