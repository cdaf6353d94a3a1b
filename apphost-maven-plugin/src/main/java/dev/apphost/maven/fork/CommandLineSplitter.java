package dev.apphost.maven.fork;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command-line string ({@code -Dapphost.args="--a 1 'b c'"}) into arguments: whitespace
 * separates, single and double quotes group, a backslash escapes the next character.
 */
public final class CommandLineSplitter {

    private CommandLineSplitter() {
    }

    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        if (line == null) {
            return args;
        }
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && quote != '\'') {
                current.append(line.charAt(++i));
                inArg = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote (" + quote + ") in: " + line);
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
