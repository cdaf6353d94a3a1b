package dev.apphost.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small pom.xml files for temporary reactors in tests. */
final class Pom {

    private String parent;
    private String groupId;
    private String artifactId;
    private String version;
    private String packaging;
    private final List<String> modules = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private String extra = "";

    static Pom of(String artifactId) {
        Pom pom = new Pom();
        pom.artifactId = artifactId;
        return pom;
    }

    /** An aggregator: {@code demo:<artifactId>:1.0}, pom packaging, the given modules. */
    static Pom aggregator(String artifactId, String... modules) {
        return of(artifactId).groupId("demo").version("1.0").packaging("pom").modules(modules);
    }

    /** A module whose parent is {@code demo:root:1.0}. */
    static Pom child(String artifactId) {
        return of(artifactId).parent("demo", "root", "1.0");
    }

    Pom parent(String g, String a, String v) {
        parent = "<parent><groupId>" + g + "</groupId><artifactId>" + a + "</artifactId><version>" + v
                + "</version></parent>";
        return this;
    }

    Pom groupId(String g) {
        groupId = g;
        return this;
    }

    Pom version(String v) {
        version = v;
        return this;
    }

    Pom packaging(String p) {
        packaging = p;
        return this;
    }

    Pom modules(String... m) {
        modules.addAll(List.of(m));
        return this;
    }

    Pom property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    Pom extra(String xml) {
        extra += xml;
        return this;
    }

    String xml() {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n");
        s.append("  <modelVersion>4.0.0</modelVersion>\n");
        if (parent != null) {
            s.append("  ").append(parent).append('\n');
        }
        if (groupId != null) {
            s.append("  <groupId>").append(groupId).append("</groupId>\n");
        }
        s.append("  <artifactId>").append(artifactId).append("</artifactId>\n");
        if (version != null) {
            s.append("  <version>").append(version).append("</version>\n");
        }
        if (packaging != null) {
            s.append("  <packaging>").append(packaging).append("</packaging>\n");
        }
        if (!properties.isEmpty()) {
            s.append("  <properties>\n");
            properties.forEach((k, v) -> s.append("    <").append(k).append('>').append(v)
                    .append("</").append(k).append(">\n"));
            s.append("  </properties>\n");
        }
        if (!modules.isEmpty()) {
            s.append("  <modules>\n");
            modules.forEach(m -> s.append("    <module>").append(m).append("</module>\n"));
            s.append("  </modules>\n");
        }
        s.append(extra);
        s.append("</project>\n");
        return s.toString();
    }

    /** Writes this pom as {@code dir/pom.xml} (creating folders) and returns its path. */
    Path writeTo(Path dir) {
        return write(dir.resolve("pom.xml"), xml());
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
