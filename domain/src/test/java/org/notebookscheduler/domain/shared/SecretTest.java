package org.notebookscheduler.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void a_secret_never_shows_its_text() {
        Secret secret = Secret.of("6bb923731815757b71e87920be033797", "auth-token");

        assertThat(secret.toString()).isEqualTo("******");
        assertThat("token=" + secret).doesNotContain("6bb9");
    }

    @Test
    void a_secret_matches_only_the_exact_text() {
        Secret secret = Secret.of("localNotebook-token", "callback-token");

        assertThat(secret.matches("localNotebook-token")).isTrue();
        assertThat(secret.matches("localNotebook-token ")).isFalse();
        assertThat(secret.matches("localnotebook-token")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void a_blank_secret_is_refused_naming_the_field() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Secret.of(" ", "callback-token"))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.field()).contains("callback-token"));
    }
}
