package dev.apphost.watchdog;

import java.nio.file.Files;
import java.nio.file.Path;

/** Linux's {@code /proc/<pid>/stat}: the process group and session of a process, -1 where unknown. */
public final class ProcStat {

    private ProcStat() {
    }

    public static long processGroup(long pid) {
        return field(pid, 2);
    }

    public static long session(long pid) {
        return field(pid, 3);
    }

    /** Field {@code index} counted from the state that follows the command name: state ppid pgrp session ... */
    private static long field(long pid, int index) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
        } catch (Exception notLinuxOrGone) {
            return -1;
        }
    }
}
