package dev.apphost.testing;

import dev.apphost.DistributedApplication;

/** AppHosts that cannot give a model, for the capture's error messages. */
final class BrokenAppHosts {

    private BrokenAppHosts() {
    }

    public static class NeverBuilds {
        public static void main(String[] args) {
            DistributedApplication.createBuilder(args).addParameter("p", "v");
        }
    }

    public static class Throws {
        public static void main(String[] args) {
            throw new IllegalStateException("no configuration for the test");
        }
    }

    public static class NoMain {
    }

    public static class SwallowsExceptions {
        static volatile boolean ranPastBuild;

        public static void main(String[] args) {
            try {
                var builder = DistributedApplication.createBuilder(args);
                builder.addParameter("p", "v");
                builder.build().run();
                ranPastBuild = true;
            } catch (Exception e) {
                ranPastBuild = true;
            }
        }
    }
}
