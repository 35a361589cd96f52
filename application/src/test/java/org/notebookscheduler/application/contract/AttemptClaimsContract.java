package org.notebookscheduler.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.AttemptClaims;
import org.notebookscheduler.application.port.out.AttemptClaims.Attempt;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** What every {@link AttemptClaims} does; the in-memory fake and the database adapter both pass it. */
public abstract class AttemptClaimsContract {

    protected abstract AttemptClaims claims();

    private final Attempt first = new Attempt(ScheduleId.newId(), "run-nb-1", "20261125020000", 1);

    @Test
    void an_attempt_is_claimed_once_while_its_lease_runs() {
        AttemptClaims claims = claims();

        assertThat(claims.claim(first, NOW, NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(claims.claim(first, NOW.plusSeconds(1), NOW.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void another_attempt_or_run_or_task_is_a_claim_of_its_own() {
        AttemptClaims claims = claims();
        claims.claim(first, NOW, NOW.plus(Duration.ofHours(1)));

        assertThat(claims.claim(new Attempt(first.scheduleId(), first.taskName(), first.runKey(), 2), NOW,
                NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(claims.claim(new Attempt(first.scheduleId(), first.taskName(), "other run", 1), NOW,
                NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(claims.claim(new Attempt(first.scheduleId(), "other task", first.runKey(), 1), NOW,
                NOW.plus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void a_claim_whose_lease_ran_out_can_be_taken_over() {
        AttemptClaims claims = claims();
        claims.claim(first, NOW, NOW.plus(Duration.ofMinutes(5)));

        assertThat(claims.claim(first, NOW.plus(Duration.ofMinutes(6)), NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(claims.claim(first, NOW.plus(Duration.ofMinutes(7)), NOW.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void a_released_attempt_can_be_claimed_again() {
        AttemptClaims claims = claims();
        claims.claim(first, NOW, NOW.plus(Duration.ofHours(1)));

        claims.release(first);

        assertThat(claims.claim(first, NOW.plusSeconds(1), NOW.plus(Duration.ofHours(1)))).isTrue();
    }
}
