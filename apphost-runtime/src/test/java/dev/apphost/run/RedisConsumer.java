package dev.apphost.run;

import redis.clients.jedis.Jedis;

/**
 * A consumer process that knows nothing but {@code ConnectionStrings__cache}
 * ({@code host:port,password=...}, Aspire's StackExchange.Redis form): it writes a key with Jedis,
 * reads it back, prints {@code CONSUMER-OK}, and stays up. No retries: if {@code waitFor(cache)}
 * did not wait for Redis to answer PING, the first command fails and the process exits 1.
 */
public final class RedisConsumer {

    record Target(String host, int port, String password) {
    }

    static Target parse(String connectionString) {
        String[] parts = connectionString.split(",");
        String hostPort = parts[0].trim();
        int colon = hostPort.lastIndexOf(':');
        String password = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.startsWith("password=")) {
                password = part.substring("password=".length());
            }
        }
        return new Target(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), password);
    }

    public static void main(String[] args) throws Exception {
        String cs = System.getenv("ConnectionStrings__cache");
        if (cs == null) {
            System.err.println("no ConnectionStrings__cache");
            System.exit(2);
        }
        Target target = parse(cs);
        try (Jedis jedis = new Jedis(target.host(), target.port())) {
            if (target.password() != null) {
                jedis.auth(target.password());
            }
            jedis.set("consumer-key", "written-by-consumer");
            System.out.println("CONSUMER-OK " + jedis.get("consumer-key") + " via " + target.host() + ":" + target.port());
        }
        Thread.sleep(600_000);
    }
}
