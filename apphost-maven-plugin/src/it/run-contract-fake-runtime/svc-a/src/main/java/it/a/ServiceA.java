package it.a;

/** Its main class is found by scanning target/classes; it uses a class of a reactor module. */
public class ServiceA {
    public static void main(String[] args) throws Exception {
        System.out.println("SENTINEL svc-a greeting=" + it.lib.Greeting.text() + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
