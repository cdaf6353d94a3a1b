package dev.apphost.processor;

import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void everyMessageStartsWithItsBracketedTag() {
        for (Message message : Message.values()) {
            Object[] args = {"a", "b", "c", "d"};
            String text;
            try {
                text = message.format(args);
            } catch (java.util.IllegalFormatException e) {
                text = message.format("a", 1, 2, "d");
            }
            assertThat(text).as(message.name()).startsWith("[" + message.tag() + "] ");
            assertThat(message.tag()).startsWith("AppHost");
        }
    }

    @Test
    void onlyTheNoRunnableModulesUnknownExcludeAndSkippedPomAreWarnings() {
        for (Message message : Message.values()) {
            boolean warning = message == Message.NO_RUNNABLE_MODULES
                    || message == Message.UNKNOWN_EXCLUDE
                    || message == Message.POM_SKIPPED;
            assertThat(message.kind()).as(message.name())
                    .isEqualTo(warning ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR);
        }
    }
}
