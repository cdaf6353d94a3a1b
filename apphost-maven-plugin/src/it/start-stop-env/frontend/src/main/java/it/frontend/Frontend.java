package it.frontend;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

public class Frontend {
    public static void main(String[] args) throws Exception {
        String backend = System.getenv("services__backend__http__0");
        String answer;
        try {
            answer = new String(java.net.URI.create(backend + "/").toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            answer = e.toString();
        }
        System.out.println("SENTINEL frontend services__backend__http__0=" + backend + " GREETING=" + System.getenv("GREETING")
                + " backendAnswered=" + "backend-ok".equals(answer) + " pid=" + ProcessHandle.current().pid());
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", exchange -> {
            byte[] body = "frontend-ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();

    }
}
