package dev.apphost.watchdog;

import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.ContainerEngineLocator;
import dev.apphost.containers.ContainerSpec;
import dev.apphost.containers.PortBinding;
import dev.apphost.containers.ResourceLabels;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * An "app host" for the reaper test: starts the watchdog, creates a labelled network and
 * container and a host process tree, prints {@code READY <pids>} and waits to be killed.
 * Args: session id, then "containers" or "processes-only".
 */
public final class ReaperTestMain {
    public static void main(String[] args) throws Exception {
        String session = args[0];
        boolean withContainers = args.length < 2 || args[1].equals("containers");
        Watchdog watchdog = Watchdog.start(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "apphost-reaper-test.log"));
        if (withContainers) {
            ContainerEngine engine = ContainerEngineLocator.fromEnvironment().connect();
            watchdog.watchContainerSession(session, engine.info().host());
            Map<String, String> labels = ResourceLabels.forSession(session).app("reaper-test").build();
            String network = "net-" + session;
            engine.createNetwork(network, labels);
            for (int i = 0; i < 2; i++) {
                engine.createAndStart(ContainerSpec.builder("c" + i + "-" + session, "local/busybox:1").labels(labels)
                        .network(network).port(PortBinding.tcp(80)).args("sleep", "600").build());
            }
        }
        // A tree: sh with a background sleep (grandchild) and a foreground sleep.
        Process child = new ProcessBuilder("sh", "-c", "sleep 600 & sleep 600; wait").start();
        watchdog.watchProcess(child.toHandle());
        Thread.sleep(200); // let sh fork its children so the test can see them
        String pids = child.toHandle().descendants().map(p -> Long.toString(p.pid())).collect(Collectors.joining(" "));
        System.out.println("READY " + watchdog.reaperPid() + " " + child.pid() + " " + pids);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
