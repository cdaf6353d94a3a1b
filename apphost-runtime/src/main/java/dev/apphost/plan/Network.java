package dev.apphost.plan;

/** Where a consumer runs, which decides how it reaches an endpoint. */
public enum Network {
    /** A process on the developer's machine: everything is on {@code localhost}. */
    HOST,
    /** A container on the session's bridge network: containers by name, host processes via {@code host.docker.internal}. */
    CONTAINER
}
