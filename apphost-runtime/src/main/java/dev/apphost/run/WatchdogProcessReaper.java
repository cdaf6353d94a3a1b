package dev.apphost.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal stand-in for the colleague's {@code dev.apphost.watchdog.Watchdog}, to be replaced by it
 * when the branches are merged: a {@code /bin/sh} loop, started in its own session with
 * {@code setsid} (so neither Ctrl+C in the terminal nor the AppHost's death touches it), that reads
 * {@code +pid} / {@code -pid} lines from a pipe whose other end only the AppHost holds. When the
 * pipe closes (the AppHost exited, however it died) it sends SIGTERM to each remaining pid and its
 * process group, waits {@code graceSeconds}, then SIGKILL, and exits. Children are started as
 * process-group leaders (see {@link ProcessExecutor}), so the group kill also reaches grandchildren.
 *
 * <p>Unix only; where {@code /bin/sh} is missing it warns once and watches nothing.
 */
public final class WatchdogProcessReaper implements ProcessReaper {

    static final String SCRIPT = ""
            + "pids=' '\n"
            + "while IFS= read -r line; do\n"
            + "  case \"$line\" in\n"
            + "    +*) pids=\"$pids${line#+} \" ;;\n"
            + "    -*) p=\"${line#-}\"; pids=$(printf '%s' \"$pids\" | sed \"s/ $p / /\") ;;\n"
            + "  esac\n"
            + "done\n"
            + "[ -z \"${pids# }\" ] && exit 0\n"
            + "for p in $pids; do kill -TERM -$p 2>/dev/null; kill -TERM $p 2>/dev/null; done\n"
            + "sleep $1\n"
            + "for p in $pids; do kill -KILL -$p 2>/dev/null; kill -KILL $p 2>/dev/null; done\n";

    private final Process watchdog;
    private final OutputStream pipe;

    private WatchdogProcessReaper(Process watchdog) {
        this.watchdog = watchdog;
        this.pipe = watchdog.getOutputStream();
    }

    /** Starts the watchdog, or returns {@link ProcessReaper#NONE} (with a warning) when it cannot. */
    public static ProcessReaper start(int graceSeconds) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return NONE;
        }
        List<String> command = new ArrayList<>();
        if (ProcessExecutor.SETSID != null) {
            command.add(ProcessExecutor.SETSID);
        }
        command.addAll(List.of("/bin/sh", "-c", SCRIPT, "apphost-watchdog", Integer.toString(Math.max(1, graceSeconds))));
        try {
            Process p = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new WatchdogProcessReaper(p);
        } catch (IOException e) {
            System.err.println("apphost: cannot start the process watchdog (" + e.getMessage() + "); processes may "
                    + "outlive the AppHost if it is killed.");
            return NONE;
        }
    }

    /** The watchdog's own process. */
    public ProcessHandle process() {
        return watchdog.toHandle();
    }

    @Override
    public void watch(ProcessHandle process) {
        send("+" + process.pid());
    }

    @Override
    public void release(ProcessHandle process) {
        send("-" + process.pid());
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                pipe.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
    }

    private synchronized void send(String line) {
        try {
            pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            pipe.flush();
        } catch (IOException e) {
            // the watchdog died: nothing left to tell
        }
    }
}
