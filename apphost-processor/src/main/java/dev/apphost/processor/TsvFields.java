package dev.apphost.processor;

/**
 * The escaping of one field of the processor's tab-separated files ({@code Projects.tsv}, read back by
 * {@code GeneratedProjectMetadata}, and the pom cache): backslash, tab, newline and carriage return
 * become {@code \\}, {@code \t}, {@code \n} and {@code \r}.
 * {@code GeneratedProjectMetadata} keeps its own copy of {@link #unescape}: the processor jar stands
 * alone on a processor path (its dependencies shaded in), and the annotations jar is what user code
 * runs with.
 */
final class TsvFields {

    private TsvFields() {
    }

    static String escape(String field) {
        return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
