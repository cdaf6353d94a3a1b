package it.two;

public class Main {
    public static void main(String[] args) {
    }
}
