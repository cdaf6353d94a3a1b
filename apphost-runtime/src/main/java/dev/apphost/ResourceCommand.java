package dev.apphost;

/**
 * One command a resource offers, as a dashboard lists it.
 *
 * @param name what to pass to {@link ResourceCommands#executeCommand(String, String)}
 * @param displayName the button's text
 * @param enabled whether it can run in the resource's current state ({@code resource-stop} only
 *        while it runs or waits, {@code resource-start} only while it does not, custom commands while it runs)
 */
public record ResourceCommand(String name, String displayName, boolean enabled) {
}
