package dev.apphost.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/** A Maven-free module folder: a pom and a {@code target/classes} compiled here with javax.tools. */
final class TestModules {

    static final String MAIN = """
            package demo;
            public class Main {
                public static void main(String[] args) throws Exception {
                    int port = Integer.parseInt(System.getenv("PORT"));
                    var server = com.sun.net.httpserver.HttpServer.create(
                            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 0);
                    server.createContext("/health", ex -> { ex.sendResponseHeaders(200, -1); ex.close(); });
                    server.start();
                    System.out.println("PROJECT-STARTED server.port=" + System.getenv("SERVER_PORT")
                            + " otel=" + System.getenv("OTEL_SERVICE_NAME") + " args=" + String.join(",", args));
                }
            }
            """;

    static final String TOOL = """
            package demo;
            public class Tool {
                public static void main(String[] args) {
                    System.out.println("wrong main class");
                }
                static class Helper { }
            }
            """;

    private TestModules() {
    }

    /** A module in {@code dir} with classes demo.Main and demo.Tool; {@code mainClass} goes into the pom when not null. */
    static Path create(Path dir, String mainClass) throws IOException {
        Path src = dir.resolve("src/main/java/demo");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Main.java"), MAIN);
        Files.writeString(src.resolve("Tool.java"), TOOL);
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), src.resolve("Main.java").toString(),
                src.resolve("Tool.java").toString()));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed: " + rc);
        }
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId><artifactId>demo</artifactId><version>1</version>
                  <properties>
                """ + (mainClass == null ? "" : "    <apphost.mainClass>" + mainClass + "</apphost.mainClass>\n") + """
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                </project>
                """);
        return dir;
    }
}
