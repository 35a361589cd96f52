package org.notebookscheduler.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void a_cut_keeps_the_beginning_and_a_tail_keeps_the_end() {
        assertThat(Text.cut("Traceback: KeyError", 9)).isEqualTo("Traceback");
        assertThat(Text.tail("Traceback: KeyError", 8)).isEqualTo("KeyError");
        assertThat(Text.tail("short", 80)).isEqualTo("short");
    }

    @Test
    void neither_splits_a_character_outside_the_basic_plane() {
        String rocket = "\uD83D\uDE80";

        assertThat(Text.cut("ab" + rocket, 3)).isEqualTo("ab");
        assertThat(Text.tail(rocket + "ab", 3)).isEqualTo("ab");
    }
}
