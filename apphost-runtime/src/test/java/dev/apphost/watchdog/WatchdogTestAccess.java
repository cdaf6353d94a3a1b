package dev.apphost.watchdog;

import java.util.Map;

/** Opens the reaper protocol's package-private pieces to tests in other packages. */
public final class WatchdogTestAccess {

    private WatchdogTestAccess() {
    }

    public static String sessionCommand(String sessionId, Map<String, String> engineEnvironment) {
        return Watchdog.sessionCommand(sessionId, engineEnvironment);
    }

    public static Map<String, String> reaperEngineEnvironment(Map<String, String> own, String engineSpec) {
        return Reaper.engineEnvironment(own, engineSpec);
    }
}
