package dev.apphost.maven.fork;

import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in AppHost for the runner tests: behaves as its first argument says. */
public final class FakeAppHost {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ready":
                System.out.println("apphost: resource cache Starting");
                System.out.println("apphost: resource cache Running");
                System.out.println("apphost: all resources ready");
                System.out.flush();
                Thread.sleep(60_000);
                break;
            case "failed":
                System.out.println("[cache] FailedToStart: no container engine at tcp://127.0.0.1:9");
                System.out.println("apphost: resources failed: cache, api");
                Thread.sleep(60_000);
                break;
            case "slow":
                System.out.println("apphost: resource cache Running");
                System.out.println("apphost: resource api Waiting");
                Thread.sleep(60_000);
                break;
            case "exit":
                System.exit(Integer.parseInt(args[1]));
                break;
            case "echo":
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i < args.length; i++) {
                    sb.append('[').append(args[i]).append(']');
                }
                sb.append(" prop=").append(System.getProperty("fake.prop"));
                sb.append(" env=").append(System.getenv("FAKE_ENV"));
                sb.append(" cwd=").append(Path.of("").toAbsolutePath());
                Files.writeString(Path.of(System.getProperty("fake.out")), sb.toString());
                break;
            case "stubborn":
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                System.out.println("apphost: all resources ready");
                Thread.sleep(60_000);
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }
}
