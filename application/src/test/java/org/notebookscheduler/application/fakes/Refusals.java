package org.notebookscheduler.application.fakes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** Asserts that an action is refused with a given code and field. */
public final class Refusals {

    private Refusals() {
    }

    public static void assertRefused(ThrowingCallable action, ErrorCode code, String field) {
        assertThatThrownBy(action).isInstanceOfSatisfying(RefusedException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(e.field()).contains(field);
        });
    }
}
