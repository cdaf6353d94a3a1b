package dev.apphost.containers;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented subset of Aspire's {@code WithContainerRuntimeArgs(...)} ({@code docker run}
 * options), parsed once into typed settings and applied to docker-java's {@link HostConfig}.
 *
 * <pre>{@code
 * ContainerRuntimeArgs args = ContainerRuntimeArgs.parse("--memory=512m", "--cpus", "1.5", "--cap-add", "NET_ADMIN");
 * ContainerSpec spec = ContainerSpec.builder("cache", "docker.io/library/redis:8.2").runtimeArgs(args).build();
 * }</pre>
 *
 * Both {@code --name=value} and {@code --name value} are accepted (short options also as
 * {@code -m512m}); sizes take Docker's units ({@code 512m}, {@code 1g}, {@code 1GiB}, binary
 * multiples). Repeatable options ({@code --add-host}, {@code --cap-add}, {@code --cap-drop},
 * {@code --label}, {@code --ulimit}, {@code --tmpfs}) accumulate; the others keep the last value.
 * Anything else fails with {@link UnsupportedContainerRuntimeArgException} rather than being
 * ignored, because a silently dropped {@code --memory} or {@code --gpus} is worse than an error.
 * Parsing is pure: no engine is involved.
 */
public final class ContainerRuntimeArgs {

    /** The supported options, as listed in error messages. */
    public static final List<String> SUPPORTED_OPTIONS = List.of(
            "--gpus", "--memory/-m", "--cpus", "--shm-size", "--add-host", "--cap-add", "--cap-drop",
            "--privileged", "--user/-u", "--label/-l", "--hostname/-h", "--ulimit", "--tmpfs", "--read-only");

    /** No runtime arguments. */
    public static final ContainerRuntimeArgs NONE = new ContainerRuntimeArgs();

    private static final Map<String, String> SHORT_TO_LONG = Map.of("-m", "--memory", "-u", "--user",
            "-l", "--label", "-h", "--hostname");
    private static final List<String> FLAGS = List.of("--privileged", "--read-only");
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?$", Pattern.CASE_INSENSITIVE);

    private final List<String> original = new ArrayList<>();
    private DeviceRequest gpus;
    private Long memoryBytes;
    private Long nanoCpus;
    private Long shmSizeBytes;
    private final List<String> extraHosts = new ArrayList<>();
    private final List<Capability> capAdd = new ArrayList<>();
    private final List<Capability> capDrop = new ArrayList<>();
    private boolean privileged;
    private String user;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String hostname;
    private final List<Ulimit> ulimits = new ArrayList<>();
    private final Map<String, String> tmpfs = new LinkedHashMap<>();
    private boolean readOnly;

    private ContainerRuntimeArgs() {
    }

    /** Parses {@code docker run}-style options, as passed to {@code withContainerRuntimeArgs}. */
    public static ContainerRuntimeArgs parse(String... args) {
        return parse(List.of(args));
    }

    /** Parses {@code docker run}-style options; see the class comment for the accepted forms. */
    public static ContainerRuntimeArgs parse(List<String> args) {
        ContainerRuntimeArgs parsed = new ContainerRuntimeArgs();
        parsed.original.addAll(args);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option;
            String value = null;
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                option = eq < 0 ? arg : arg.substring(0, eq);
                value = eq < 0 ? null : arg.substring(eq + 1);
            } else if (arg.length() >= 2 && SHORT_TO_LONG.containsKey(arg.substring(0, 2))) {
                option = SHORT_TO_LONG.get(arg.substring(0, 2));
                String rest = arg.substring(2);
                value = rest.isEmpty() ? null : rest.startsWith("=") ? rest.substring(1) : rest;
            } else {
                throw new UnsupportedContainerRuntimeArgException(arg);
            }
            if (FLAGS.contains(option)) {
                parsed.applyFlag(option, value == null || parseBoolean(option, value));
                continue;
            }
            if (!isValueOption(option)) {
                throw new UnsupportedContainerRuntimeArgException(arg);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new InvalidContainerRuntimeArgException(option, null, "a value after it");
                }
                value = args.get(++i);
            }
            parsed.applyValue(option, value);
        }
        return parsed;
    }

    private static boolean isValueOption(String option) {
        switch (option) {
            case "--gpus": case "--memory": case "--cpus": case "--shm-size": case "--add-host": case "--cap-add":
            case "--cap-drop": case "--user": case "--label": case "--hostname": case "--ulimit": case "--tmpfs":
                return true;
            default:
                return false;
        }
    }

    private void applyFlag(String option, boolean on) {
        if (option.equals("--privileged")) {
            privileged = on;
        } else {
            readOnly = on;
        }
    }

    private void applyValue(String option, String value) {
        switch (option) {
            case "--gpus": gpus = parseGpus(value); break;
            case "--memory": memoryBytes = parseSize(option, value); break;
            case "--cpus": nanoCpus = parseCpus(value); break;
            case "--shm-size": shmSizeBytes = parseSize(option, value); break;
            case "--add-host": extraHosts.add(parseHost(value)); break;
            case "--cap-add": capAdd.add(parseCapability(option, value)); break;
            case "--cap-drop": capDrop.add(parseCapability(option, value)); break;
            case "--user": user = requireNonEmpty(option, value, "a user name or uid[:gid]"); break;
            case "--label": putLabel(value); break;
            case "--hostname": hostname = requireNonEmpty(option, value, "a host name"); break;
            case "--ulimit": ulimits.add(parseUlimit(value)); break;
            case "--tmpfs": putTmpfs(value); break;
            default: throw new IllegalStateException(option);
        }
    }

    /** Parses a Docker size ({@code 512m}, {@code 1g}, {@code 1GiB}, {@code 1024}) into bytes (binary multiples). */
    static long parseSize(String option, String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new InvalidContainerRuntimeArgException(option, value, "a size such as 512m or 1g");
        }
        int shift = m.group(2) == null ? 0 : 10 * ("kmgtp".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1);
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift)).longValue();
    }

    private static long parseCpus(String value) {
        try {
            BigDecimal cpus = new BigDecimal(value.trim());
            if (cpus.signum() <= 0) {
                throw new NumberFormatException();
            }
            return cpus.movePointRight(9).longValue();
        } catch (NumberFormatException e) {
            throw new InvalidContainerRuntimeArgException("--cpus", value, "a positive number of CPUs such as 1.5");
        }
    }

    /** {@code all}, a count, {@code device=0,1} or {@code count=2,capabilities=...}; quotes are tolerated. */
    private static DeviceRequest parseGpus(String raw) {
        String value = raw.replace("\"", "").replace("'", "").trim();
        DeviceRequest request = new DeviceRequest().withDriver("").withCapabilities(List.of(List.of("gpu")));
        if (value.equals("all")) {
            return request.withCount(-1);
        }
        if (value.matches("\\d+")) {
            return request.withCount(Integer.parseInt(value));
        }
        if (value.startsWith("device=")) {
            return request.withDeviceIds(List.of(value.substring("device=".length()).split(",")));
        }
        if (value.startsWith("count=")) {
            String count = value.substring("count=".length()).split(",")[0];
            if (count.equals("all")) {
                return request.withCount(-1);
            }
            if (count.matches("\\d+")) {
                return request.withCount(Integer.parseInt(count));
            }
        }
        throw new InvalidContainerRuntimeArgException("--gpus", raw, "all, a count, device=<ids> or count=<n>");
    }

    private static String parseHost(String value) {
        int sep = value.indexOf(value.contains("=") ? '=' : ':');
        if (sep <= 0 || sep == value.length() - 1) {
            throw new InvalidContainerRuntimeArgException("--add-host", value, "host:ip (or host=ip)");
        }
        return value.substring(0, sep) + ":" + value.substring(sep + 1);
    }

    private static Capability parseCapability(String option, String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("CAP_")) {
            name = name.substring(4);
        }
        try {
            return Capability.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidContainerRuntimeArgException(option, value, "a Linux capability such as NET_ADMIN or ALL");
        }
    }

    private void putLabel(String value) {
        int eq = value.indexOf('=');
        String key = eq < 0 ? value : value.substring(0, eq);
        labels.put(requireNonEmpty("--label", key, "key=value"), eq < 0 ? "" : value.substring(eq + 1));
    }

    private static Ulimit parseUlimit(String value) {
        Matcher m = Pattern.compile("^([a-z]+)=(-?\\d+)(?::(-?\\d+))?$").matcher(value.trim());
        if (!m.matches()) {
            throw new InvalidContainerRuntimeArgException("--ulimit", value, "name=soft[:hard] such as nofile=1024:2048");
        }
        long soft = Long.parseLong(m.group(2));
        return new Ulimit(m.group(1), soft, m.group(3) == null ? soft : Long.parseLong(m.group(3)));
    }

    private void putTmpfs(String value) {
        int colon = value.indexOf(':');
        String path = colon < 0 ? value : value.substring(0, colon);
        if (!path.startsWith("/")) {
            throw new InvalidContainerRuntimeArgException("--tmpfs", value, "an absolute container path[:options]");
        }
        tmpfs.put(path, colon < 0 ? "" : value.substring(colon + 1));
    }

    private static boolean parseBoolean(String option, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidContainerRuntimeArgException(option, value, "true or false");
    }

    private static String requireNonEmpty(String option, String value, String expected) {
        if (value == null || value.isBlank()) {
            throw new InvalidContainerRuntimeArgException(option, value, expected);
        }
        return value;
    }

    /** Applies the host-level settings (everything except user, hostname and labels) to {@code hostConfig}. */
    public HostConfig applyTo(HostConfig hostConfig) {
        if (gpus != null) {
            hostConfig.withDeviceRequests(List.of(gpus));
        }
        if (memoryBytes != null) {
            hostConfig.withMemory(memoryBytes);
        }
        if (nanoCpus != null) {
            hostConfig.withNanoCPUs(nanoCpus);
        }
        if (shmSizeBytes != null) {
            hostConfig.withShmSize(shmSizeBytes);
        }
        if (!capAdd.isEmpty()) {
            hostConfig.withCapAdd(capAdd.toArray(Capability[]::new));
        }
        if (!capDrop.isEmpty()) {
            hostConfig.withCapDrop(capDrop.toArray(Capability[]::new));
        }
        if (privileged) {
            hostConfig.withPrivileged(true);
        }
        if (!ulimits.isEmpty()) {
            hostConfig.withUlimits(List.copyOf(ulimits));
        }
        if (!tmpfs.isEmpty()) {
            hostConfig.withTmpFs(new LinkedHashMap<>(tmpfs));
        }
        if (readOnly) {
            hostConfig.withReadonlyRootfs(true);
        }
        return hostConfig;
    }

    /** Extra {@code host:ip} entries from {@code --add-host}; added to the spec's own extra hosts. */
    public List<String> extraHosts() {
        return Collections.unmodifiableList(extraHosts);
    }

    /** {@code --user}, if given. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** {@code --hostname}, if given. */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /** Labels from {@code --label}; the spec's own labels win on a clash. */
    public Map<String, String> labels() {
        return Collections.unmodifiableMap(labels);
    }

    /** The arguments exactly as given, for display and for a CLI fallback. */
    public List<String> original() {
        return Collections.unmodifiableList(original);
    }

    public boolean isEmpty() {
        return original.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContainerRuntimeArgs && ((ContainerRuntimeArgs) other).original.equals(original);
    }

    @Override
    public int hashCode() {
        return original.hashCode();
    }

    @Override
    public String toString() {
        return "ContainerRuntimeArgs" + original;
    }
}
