package it.host;

import dev.apphost.annotations.AppHost;
import dev.apphost.launch.LaunchPlan;
import dev.apphost.launch.LaunchPlanProvider;
import dev.apphost.launch.ProjectLaunch;
import dev.apphost.launch.StatusLines;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plays the runtime's part of the plugin contract, without the runtime: reads the launch plan
 * named by the system properties, launches every project with its classpath and main class,
 * prints the status lines, stops its children on SIGTERM and when the parent (Maven) dies.
 */
@AppHost
public class FakeHost {

    public static void main(String[] args) throws Exception {
        List<String> argList = Arrays.asList(args);
        String planProperty = System.getProperty(LaunchPlan.SYSTEM_PROPERTY);
        String dir = System.getProperty(LaunchPlan.APP_HOST_DIRECTORY_PROPERTY);
        long parentPid = Long.parseLong(System.getProperty(LaunchPlan.PARENT_PID_PROPERTY));
        System.out.println("FAKE plan=" + planProperty + " dir=" + dir + " cwd=" + Path.of("").toAbsolutePath()
                + " parentAlive=" + ProcessHandle.of(parentPid).isPresent() + " args=" + argList);
        System.out.println("FAKE stop budget=" + System.getenv("AppHost__ShutdownTimeout")
                + " tmpdir=" + System.getProperty("java.io.tmpdir"));
        System.out.println("FAKE classpath=" + System.getProperty("java.class.path"));

        int publisher = argList.indexOf("--publisher");
        if (publisher >= 0) {
            Path out = Path.of(argList.get(argList.indexOf("--output-path") + 1));
            Files.createDirectories(out.getParent());
            Files.writeString(out, "{\n  \"resources\": {}\n}\n");
            System.out.println("FAKE manifest publisher=" + argList.get(publisher + 1));
            return;
        }

        LaunchPlan plan = LaunchPlanProvider.obtain(Path.of(dir));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroy)));
        ProcessHandle.of(parentPid).ifPresent(p -> p.onExit().thenRun(() -> System.exit(3)));
        for (ProjectLaunch project : plan.projects()) {
            if (project.artifactId().equals("lib")) {
                continue;
            }
            String cp = project.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            Process child = new ProcessBuilder(java, "-cp", cp, project.requireMainClass())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectErrorStream(true)
                    .start();
            children.add(child);
            System.out.println(StatusLines.state(project.artifactId(), "Running"));
        }
        Thread.sleep(2500); // a real runtime waits for health checks; give the services time to print
        System.out.println(StatusLines.READY);
        System.out.flush();
        if (argList.contains("--once")) {
            Thread.sleep(3000);
            return;
        }
        Thread.sleep(600_000);
    }
}
