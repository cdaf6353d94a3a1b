package dev.apphost.containers;

/** How many containers and networks a cleanup removed. */
public record RemovalResult(int containers, int networks) {
    public RemovalResult plus(RemovalResult other) {
        return new RemovalResult(containers + other.containers, networks + other.networks);
    }
}
