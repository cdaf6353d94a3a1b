package dev.apphost.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineSplitterTest {

    @Test
    void splitsOnWhitespaceAndKeepsQuotedGroups() {
        assertThat(CommandLineSplitter.split("  --a 1 \"b c\" 'd \"e\"' f\\ g  "))
                .containsExactly("--a", "1", "b c", "d \"e\"", "f g");
    }

    @Test
    void emptyQuotesAreAnEmptyArgument() {
        assertThat(CommandLineSplitter.split("a \"\" b")).containsExactly("a", "", "b");
    }

    @Test
    void nullOrBlankIsNoArguments() {
        assertThat(CommandLineSplitter.split(null)).isEmpty();
        assertThat(CommandLineSplitter.split("   ")).isEmpty();
    }

    @Test
    void unbalancedQuoteFails() {
        assertThatThrownBy(() -> CommandLineSplitter.split("a \"b")).hasMessageContaining("unbalanced quote");
    }
}
