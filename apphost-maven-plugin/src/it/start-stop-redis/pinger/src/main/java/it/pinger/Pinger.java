package it.pinger;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

public class Pinger {
    public static void main(String[] args) throws Exception {
        String cs = System.getenv("ConnectionStrings__cache");
        String reply;
        try {
            String[] parts = cs.split(",");
            String host = parts[0].substring(0, parts[0].lastIndexOf(':'));
            int redisPort = Integer.parseInt(parts[0].substring(parts[0].lastIndexOf(':') + 1));
            String password = null;
            for (String part : parts) {
                if (part.startsWith("password=")) {
                    password = part.substring("password=".length());
                }
            }
            try (java.net.Socket socket = new java.net.Socket(host, redisPort)) {
                java.io.BufferedReader in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream();
                if (password != null) {
                    out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
                    in.readLine();
                }
                out.write("PING\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                reply = in.readLine();
            }
        } catch (Exception e) {
            reply = e.toString();
        }
        System.out.println("SENTINEL pinger reply=" + reply + " pid=" + ProcessHandle.current().pid());
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", exchange -> {
            byte[] body = "pinger-ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();

    }
}
