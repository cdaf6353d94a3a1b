package demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** GET /call asks the back service (services__back__http__0) and returns its answer; GET /log?X prints X. */
public class Front {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String back = System.getenv("services__back__http__0");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/health", ex -> reply(ex, "ok"));
        server.createContext("/log", ex -> {
            System.out.println(ex.getRequestURI().getQuery());
            reply(ex, "logged");
        });
        server.createContext("/call", ex -> {
            try {
                String body = client.send(HttpRequest.newBuilder(URI.create(back + "/hello")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                java.util.logging.Logger.getLogger("demo.Front").info("front called back: " + body);
                reply(ex, "front got: " + body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(ex, "interrupted");
            }
        });
        server.start();
        System.out.println("FRONT-STARTED \u001b[32mgreen\u001b[0m");
    }

    static void reply(HttpExchange ex, String text) throws java.io.IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
