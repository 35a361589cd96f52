package org.notebookscheduler.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Names and texts that a database or the scheduler would store as something else are refused up front. */
class CheckTest {

    @Test
    void a_lone_surrogate_is_refused_naming_the_field_because_it_would_be_stored_as_a_question_mark() {
        assertThatThrownBy(() -> Check.name("bob\ud800x", "name", 100)).isInstanceOfSatisfying(RefusedException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TEXT_INVALID);
                    assertThat(e.field()).contains("name");
                });
        assertThatThrownBy(() -> Check.optionalText("ok\udc00", "description", 100))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEXT_INVALID));
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "200D", "FEFF", "202E", "0007", "0000", "2028", "E000"})
    void a_name_with_an_invisible_or_control_character_is_refused(String hex) {
        String name = "daily" + new String(Character.toChars(Integer.parseInt(hex, 16))) + "report";

        assertThatThrownBy(() -> Check.name(name, "tasks[0].name", 100)).isInstanceOfSatisfying(RefusedException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TEXT_INVALID);
                    assertThat(e.field()).contains("tasks[0].name");
                    assertThat(e.getMessage()).contains("U+" + hex);
                });
    }

    @Test
    void names_that_look_the_same_are_the_same_name_after_normalisation() {
        assertThat(Check.name("ｄａｉｌｙ", "name", 100)).isEqualTo("daily");
        assertThat(Check.name("cafe\u0301", "name", 100)).isEqualTo("caf\u00e9");
    }

    @Test
    void a_character_outside_the_basic_plane_is_kept_and_counts_as_one() {
        assertThat(Check.name("report 📈", "name", 8)).isEqualTo("report 📈");
        assertThatThrownBy(() -> Check.name("📈📈📈", "name", 2)).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FIELD_TOO_LONG));
    }
}
