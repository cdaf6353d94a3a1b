package it.lib;

public final class Greeting {
    public static String text() {
        return "hello-from-lib";
    }
}
