package dev.apphost.run;

import dev.apphost.DistributedApplicationException;
import dev.apphost.ExecuteCommandResult;
import dev.apphost.ResourceCommand;
import dev.apphost.ResourceCommands;
import dev.apphost.ResourceSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a developer types into the console of a running AppHost ({@code mvn apphost:run}, or the
 * AppHost's {@code main} run from an IDE): Enter prints the resource table again; {@code restart api},
 * {@code stop api}, {@code start api} or any custom command name followed by a resource runs that
 * command, as the dashboard's buttons do; {@code help} lists them. One line, one request; the answer
 * goes to the console.
 */
final class ConsoleCommands {

    static final String HINT = "Press Enter to show the resources again; type 'help' for commands.";

    private static final String BUILT_IN_PREFIX = "resource-";

    private final ConsoleReporter console;
    private final Supplier<List<ResourceSnapshot>> snapshots;
    private final ResourceCommands commands;

    ConsoleCommands(ConsoleReporter console, Supplier<List<ResourceSnapshot>> snapshots, ResourceCommands commands) {
        this.console = console;
        this.snapshots = snapshots;
        this.commands = commands;
    }

    /**
     * Reads {@code input} line by line on a daemon thread until it ends (a closed or redirected stdin
     * ends it at once; nothing is printed then).
     */
    Thread listen(InputStream input) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(input, Charset.defaultCharset()))) {
                String line;
                while ((line = in.readLine()) != null) {
                    handle(line);
                }
            } catch (IOException | RuntimeException e) {
                // the console went away: nothing left to read
            }
        }, "apphost-console-input");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Answers one line of input. */
    void handle(String line) {
        String[] words = line.trim().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            console.table(snapshots.get());
            return;
        }
        String verb = words[0].toLowerCase(Locale.ROOT);
        if (words.length == 1 && (verb.equals("help") || verb.equals("?"))) {
            console.info(help());
            return;
        }
        if (words.length != 2) {
            console.warn("Cannot read '" + line.trim() + "': type a command and a resource (restart apiservice), "
                    + "'help' for the list, or press Enter for the resource table.");
            return;
        }
        String resource = words[1];
        try {
            List<ResourceCommand> available = commands.commands(resource);
            ResourceCommand command = available.stream()
                    .filter(c -> c.name().equalsIgnoreCase(verb) || typed(c).equalsIgnoreCase(verb)).findFirst()
                    .orElse(null);
            if (command == null) {
                console.warn("Resource '" + resource + "' has no command '" + words[0] + "'. Its commands are: "
                        + available.stream().map(ConsoleCommands::typed).collect(Collectors.joining(", ")) + ".");
                return;
            }
            if (!command.enabled()) {
                console.warn("Command '" + typed(command) + "' of resource '" + resource
                        + "' cannot run in the resource's current state.");
                return;
            }
            ExecuteCommandResult result = commands.executeCommand(resource, command.name());
            if (result.success()) {
                console.info("[" + resource + "] " + typed(command) + ": done");
            } else {
                console.warn("[" + resource + "] " + typed(command) + " failed: " + result.errorMessage());
            }
        } catch (DistributedApplicationException e) {
            console.warn(e.getMessage());
        }
    }

    /** What a developer types for {@code command}: the built-in ones without Aspire's {@code resource-} prefix. */
    static String typed(ResourceCommand command) {
        return command.name().startsWith(BUILT_IN_PREFIX) ? command.name().substring(BUILT_IN_PREFIX.length())
                : command.name();
    }

    private String help() {
        StringBuilder sb = new StringBuilder("Commands (one per line):");
        sb.append(System.lineSeparator()).append("  <Enter>                 the resource table");
        sb.append(System.lineSeparator()).append("  <command> <resource>    e.g. restart, stop, start; the resources' own:");
        for (ResourceSnapshot s : snapshots.get()) {
            try {
                List<ResourceCommand> own = commands.commands(s.name());
                sb.append(System.lineSeparator()).append("    ").append(s.name()).append(": ")
                        .append(own.stream().map(ConsoleCommands::typed).collect(Collectors.joining(", ")));
            } catch (DistributedApplicationException noCommands) {
                // parameters and connection strings have none
            }
        }
        return sb.toString();
    }
}
