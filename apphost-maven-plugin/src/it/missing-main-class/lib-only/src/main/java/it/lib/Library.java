package it.lib;

/** No main method anywhere in this module. */
public class Library {
    public static String name() {
        return "library";
    }
}
