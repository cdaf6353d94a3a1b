package dev.apphost.publish.deploy;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a tree of {@link Map}s (insertion order kept), {@link Collection}s, strings, numbers and
 * booleans as block-style YAML. Strings are written plain only when they cannot be read back as
 * anything else (a number, a boolean, null, a flow or block indicator); otherwise they are
 * double-quoted with JSON escapes, which YAML reads the same way. {@code null} map values are left
 * out. Empty maps and lists are written as {@code {}} and {@code []}.
 *
 * <pre>{@code
 * Map<String, Object> doc = new LinkedHashMap<>();
 * doc.put("services", Map.of("cache", Map.of("image", "docker.io/library/redis:8.2")));
 * String text = Yaml.write(doc);
 * }</pre>
 */
public final class Yaml {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|y|n|null|~)");

    private Yaml() {
    }

    /** The document, ending with a newline. */
    public static String write(Object document) {
        StringBuilder out = new StringBuilder();
        if (document instanceof Map<?, ?> map && !map.isEmpty()) {
            writeMap(out, map, 0);
        } else if (document instanceof Collection<?> list && !list.isEmpty()) {
            writeList(out, list, 0);
        } else {
            out.append(scalar(document)).append('\n');
        }
        return out.toString();
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, int indent) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            out.append(" ".repeat(indent)).append(key(String.valueOf(e.getKey()))).append(':');
            writeValue(out, e.getValue(), indent);
        }
    }

    private static void writeList(StringBuilder out, Collection<?> list, int indent) {
        for (Object item : list) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                // the first key on the dash's line, the rest aligned under it
                StringBuilder nested = new StringBuilder();
                writeMap(nested, map, indent + 2);
                out.append(' ').append(nested.substring(indent + 2));
            } else if (item instanceof Collection<?> inner && !inner.isEmpty()) {
                out.append('\n');
                writeList(out, inner, indent + 2);
            } else {
                out.append(' ').append(scalar(item)).append('\n');
            }
        }
    }

    private static void writeValue(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append('\n');
            writeMap(out, map, indent + 2);
        } else if (value instanceof Collection<?> list && !list.isEmpty()) {
            out.append('\n');
            writeList(out, list, indent + 2);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String key(String key) {
        return PLAIN.matcher(key).matches() && !RESERVED.matcher(key).matches() ? key : quote(key);
    }

    /** One scalar as YAML text. */
    public static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof Collection<?>) {
            return "[]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        return PLAIN.matcher(text).matches() && !RESERVED.matcher(text).matches() ? text : quote(text);
    }

    /** A double-quoted YAML string. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
