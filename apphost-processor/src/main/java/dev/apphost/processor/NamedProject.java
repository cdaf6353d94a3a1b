package dev.apphost.processor;

/** A runnable module and the name of its nested class in {@code Projects}. */
public record NamedProject(String name, ModuleInfo module) {
}
