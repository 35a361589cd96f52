package org.notebookscheduler.application.port.out;

import java.time.Instant;
import java.util.Objects;
import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * Who is running an attempt of a task in a run right now. A callback claims its attempt before it
 * runs the notebook, so identical callbacks arriving together, on any instance, run it once. A claim
 * lasts until its lease runs out (the run's timeout and a margin), so an instance that died while
 * running does not block the attempt for ever.
 */
public interface AttemptClaims {

    /**
     * Takes the attempt until {@code leaseUntil}; committed at once, outside any transaction.
     * Returns false when another caller holds it and its lease has not run out.
     */
    boolean claim(Attempt attempt, Instant now, Instant leaseUntil);

    /** Gives the attempt up; joins the caller's transaction, so it goes with the recorded result. */
    void release(Attempt attempt);

    /** One attempt of one task in one run. */
    record Attempt(ScheduleId scheduleId, String taskName, String runKey, int number) {

        public Attempt {
            Objects.requireNonNull(scheduleId, "scheduleId");
            Objects.requireNonNull(taskName, "taskName");
            Objects.requireNonNull(runKey, "runKey");
        }
    }
}
