package dev.apphost.run;

import dev.apphost.DistributedApplication;
import java.time.Duration;

/** An AppHost with Redis, run twice by {@link RedisPasswordTest}: prints its connection string once Redis answers PING. */
public final class RedisPasswordAppHost {

    public static void main(String[] args) {
        var builder = DistributedApplication.createBuilder(args);
        builder.addRedis("cache");
        try (DistributedApplication app = builder.build()) {
            app.start();
            app.resourceNotifications().waitForResourceHealthy("cache", Duration.ofSeconds(60));
            System.out.println("CS " + app.getConnectionString("cache"));
        }
        System.out.println("DONE");
    }
}
