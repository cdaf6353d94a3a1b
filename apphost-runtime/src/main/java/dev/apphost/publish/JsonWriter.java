package dev.apphost.publish;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer that produces exactly what .NET's {@code Utf8JsonWriter} writes with
 * {@code Indented = true} and the default encoder: two-space indentation, {@code ": "} between a
 * name and its value, one array item per line, {@code {}} / {@code []} for empty containers, no
 * trailing newline, and {@code System.Text.Json}'s escaping (see {@link #escape(String)}).
 *
 * <p>Deterministic and free of Jackson, so the manifest's bytes depend on nothing but the model.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder();
    /** One entry per open container: {@code true} while it is still empty. */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    /** Starts the root object, or an object as an array item. */
    public JsonWriter beginObject() {
        beforeValue();
        return push('{');
    }

    /** Starts an object property. */
    public JsonWriter beginObject(String name) {
        name(name);
        return push('{');
    }

    public JsonWriter endObject() {
        return pop('}');
    }

    /** Starts an array, as the root or as an array item. */
    public JsonWriter beginArray() {
        beforeValue();
        return push('[');
    }

    /** Starts an array property. */
    public JsonWriter beginArray(String name) {
        name(name);
        return push('[');
    }

    public JsonWriter endArray() {
        return pop(']');
    }

    public JsonWriter property(String name, String value) {
        name(name);
        quote(value);
        return this;
    }

    public JsonWriter property(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    public JsonWriter property(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    /** Writes a property whose value is JSON {@code null}. */
    public JsonWriter nullProperty(String name) {
        name(name);
        out.append("null");
        return this;
    }

    /** A string item of the current array. */
    public JsonWriter value(String value) {
        beforeValue();
        quote(value);
        return this;
    }

    /** A number item of the current array. */
    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** A boolean item of the current array. */
    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** A {@code null} item of the current array. */
    public JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** What has been written; every container must be closed. */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("JSON has " + open.size() + " unclosed container(s).");
        }
        return out.toString();
    }

    /**
     * Escapes as {@code System.Text.Json}'s default encoder does: printable ASCII stays, except
     * {@code "} {@code &} {@code '} {@code +} {@code <} {@code >} {@code `} (written {@code \}{@code uXXXX});
     * {@code \n} {@code \r} {@code \t} {@code \b} {@code \f} and the backslash get short escapes; every
     * other control character, DEL and every non-ASCII character (surrogate pairs as two escapes) is
     * written as {@code \}{@code uXXXX} with upper-case hex.
     */
    public static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        appendEscaped(sb, value);
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (needsUnicodeEscape(c)) {
                        sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    private static boolean needsUnicodeEscape(char c) {
        if (c < 0x20 || c >= 0x7F) {
            return true;
        }
        return c == '"' || c == '&' || c == '\'' || c == '+' || c == '<' || c == '>' || c == '`';
    }

    private void name(String name) {
        if (open.isEmpty() || !isObject()) {
            throw new IllegalStateException("A property '" + name + "' can only be written inside an object.");
        }
        separate();
        quote(name);
        out.append(": ");
    }

    private void beforeValue() {
        if (open.isEmpty()) {
            if (out.length() > 0) {
                throw new IllegalStateException("JSON already has a root value.");
            }
            return;
        }
        if (isObject()) {
            throw new IllegalStateException("Values inside an object need a property name.");
        }
        separate();
    }

    private void separate() {
        boolean[] empty = open.peek();
        if (!empty[0]) {
            out.append(',');
        }
        empty[0] = false;
        newLine(open.size());
    }

    private JsonWriter push(char bracket) {
        out.append(bracket);
        open.push(new boolean[] {true, bracket == '{'});
        return this;
    }

    private JsonWriter pop(char bracket) {
        if (open.isEmpty() || isObject() != (bracket == '}')) {
            throw new IllegalStateException("Unbalanced '" + bracket + "'.");
        }
        boolean[] state = open.pop();
        if (!state[0]) {
            newLine(open.size());
        }
        out.append(bracket);
        return this;
    }

    private boolean isObject() {
        return open.peek()[1];
    }

    private void newLine(int depth) {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void quote(String value) {
        out.append('"');
        appendEscaped(out, value);
        out.append('"');
    }
}
