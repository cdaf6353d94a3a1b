import dev.apphost.DistributedApplication;
import dev.apphost.testing.DistributedApplicationTestingBuilder;
import java.util.ArrayList;
import java.util.List;
/**
 * close() of the whole starter app (Redis, apiservice, webfrontend), started through the testing
 * builder, to every process and container gone; N rounds. Run via bench/starter-close.sh.
 */
public class StarterCloseBench {
  public static void main(String[] a) throws Exception {
    Class<?> host = Class.forName("dev.apphost.samples.apphost.StarterAppHost");
    for (int round = 0; round < Integer.parseInt(a[0]); round++) {
      DistributedApplication app = DistributedApplicationTestingBuilder.create(host).build();
      app.start();
      for (String r : List.of("cache", "apiservice", "webfrontend")) app.resourceNotifications().waitForResourceHealthy(r, java.time.Duration.ofSeconds(180));
      List<Long> pids = new ArrayList<>();
      for (String r : List.of("apiservice", "webfrontend")) pids.add(app.resourceSnapshot(r).pid());
      long t0 = System.nanoTime();
      app.close();
      long closed = System.nanoTime();
      // everything gone: the processes and the session's containers
      while (pids.stream().anyMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))) Thread.sleep(5);
      String left;
      do { left = new String(new ProcessBuilder("docker","ps","-aq","--filter","label=dev.apphost.resource=cache","--filter","label=dev.apphost.app=apphost").start().getInputStream().readAllBytes()).trim(); } while (!left.isEmpty());
      long gone = System.nanoTime();
      System.out.printf("CLOSE round %d: close() returned after %d ms, everything gone after %d ms%n", round, (closed - t0) / 1_000_000, (gone - t0) / 1_000_000);
    }
  }
}
