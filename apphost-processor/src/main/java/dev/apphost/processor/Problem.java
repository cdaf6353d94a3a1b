package dev.apphost.processor;

import java.util.Arrays;
import java.util.List;
import javax.tools.Diagnostic;

/** One message to report: a {@link Message} and its arguments. */
public record Problem(Message message, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(Message message, Object... args) {
        return new Problem(message, Arrays.asList(args));
    }

    public Diagnostic.Kind kind() {
        return message.kind();
    }

    public String text() {
        return message.format(args.toArray());
    }

    @Override
    public String toString() {
        return text();
    }
}
