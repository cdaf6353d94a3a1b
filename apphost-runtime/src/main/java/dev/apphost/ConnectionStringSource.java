package dev.apphost;

/**
 * A resource that offers a connection string: {@code withReference} injects it as
 * {@code ConnectionStrings__<name>}; used as a {@link ValueSource} it is the connection string.
 */
public interface ConnectionStringSource extends ValueSource {

    /** The resource's name. */
    String name();
}
