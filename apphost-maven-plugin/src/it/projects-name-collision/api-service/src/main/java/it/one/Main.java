package it.one;

public class Main {
    public static void main(String[] args) {
    }
}
