package dev.apphost.containers;

import java.util.Map;

/**
 * A container found by label.
 *
 * @param id     full container id
 * @param name   container name without the leading slash
 * @param state  the engine's state: created, running, exited, ...
 * @param labels all its labels
 */
public record ManagedContainer(String id, String name, String state, Map<String, String> labels) {
}
