package demo;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** GET /hello answers "hello from back". */
public class Back {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/health", ex -> { ex.sendResponseHeaders(200, -1); ex.close(); });
        server.createContext("/hello", ex -> {
            byte[] bytes = "hello from back".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        System.out.println("BACK-STARTED");
    }
}
