package dev.apphost;

import dev.apphost.annotations.ProjectMetadata;

/** Stand-ins for a generated {@code Projects} class. */
final class TestProjects {

    private TestProjects() {
    }

    public static final class ApiService implements ProjectMetadata {
        @Override
        public String projectPath() {
            return "/work/app/api-service/pom.xml";
        }

        @Override
        public String groupId() {
            return "com.example";
        }

        @Override
        public String artifactId() {
            return "api-service";
        }

        @Override
        public String version() {
            return "1.0";
        }
    }

    public static final class WebFrontend implements ProjectMetadata {
        @Override
        public String projectPath() {
            return "/work/app/web-frontend/pom.xml";
        }

        @Override
        public String groupId() {
            return "com.example";
        }

        @Override
        public String artifactId() {
            return "web-frontend";
        }

        @Override
        public String version() {
            return "1.0";
        }
    }

    /** A builder with a fixed AppHost folder and no user secrets, configured only from {@code args}. */
    static DistributedApplicationBuilder builder(String... args) {
        return TestApps.builder(java.nio.file.Path.of("/work/app/apphost"), java.util.Map.of(), args);
    }
}
