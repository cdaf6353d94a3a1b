package dev.apphost.containers;

import java.util.Map;

/** A network found by label. */
public record ManagedNetwork(String id, String name, Map<String, String> labels) {
}
