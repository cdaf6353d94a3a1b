package it.worker;

/** A service that cannot reach what it needs and exits with 7. */
public class Worker {
    public static void main(String[] args) {
        System.err.println("worker: cannot connect to the queue");
        System.exit(7);
    }
}
