package it.b;

/** Two main classes: exec.mainClass picks Right. */
public class Wrong {
    public static void main(String[] args) throws Exception {
        System.out.println("SENTINEL svc-b main=Wrong pid=" + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
