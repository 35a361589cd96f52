package org.notebookscheduler.domain.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Check;

/**
 * The recorded outcome of one attempt at one task of one run. The schedule's name is kept with it,
 * so the history still reads after the schedule is renamed or deleted.
 *
 * @param runKey  identifies the run the attempt belongs to (for a scheduled run, its fire time)
 * @param attempt 1 for the first try of the task in that run, then 2, 3... for the scheduler's retries
 * @param message the error of a failed attempt, as the runner reported it; null when none
 * @param runId     the scheduler's run (DolphinScheduler's process instance) it belongs to; null when unknown
 * @param taskRunId the scheduler's task run (task instance), whose log is this attempt's; null when unknown
 */
public record ExecutionResult(ExecutionId id, ScheduleId scheduleId, String scheduleName, String owner,
        String taskName, EntityRef entity, String runKey, int attempt, ExecutionStatus status, String executedBy,
        Instant startedAt, Instant finishedAt, String message, String runId, String taskRunId) {

    /** A result whose run in the scheduler is not known. */
    public ExecutionResult(ExecutionId id, ScheduleId scheduleId, String scheduleName, String owner,
            String taskName, EntityRef entity, String runKey, int attempt, ExecutionStatus status, String executedBy,
            Instant startedAt, Instant finishedAt, String message) {
        this(id, scheduleId, scheduleName, owner, taskName, entity, runKey, attempt, status, executedBy, startedAt,
                finishedAt, message, null, null);
    }

    /** Error messages beyond this are cut before they are stored. */
    public static final int MAX_MESSAGE_LENGTH = 65_535;

    public ExecutionResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        scheduleName = Check.text(scheduleName, "scheduleName", 255);
        owner = Check.text(owner, "owner", 255);
        taskName = Check.text(taskName, "taskName", 255);
        Objects.requireNonNull(entity, "entity");
        runKey = Check.text(runKey, "runKey", 128);
        Check.range(attempt, 1, Integer.MAX_VALUE, "attempt");
        Objects.requireNonNull(status, "status");
        executedBy = Check.text(executedBy, "executedBy", 255);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (finishedAt.isBefore(startedAt)) {
            finishedAt = startedAt;
        }
        message = message == null ? null : Text.cut(message, MAX_MESSAGE_LENGTH);
        runId = Check.optionalText(runId, "runId", 64);
        taskRunId = Check.optionalText(taskRunId, "taskRunId", 64);
    }

    /** The same result as another attempt of its task in its run. */
    public ExecutionResult asAttempt(int number) {
        return new ExecutionResult(id, scheduleId, scheduleName, owner, taskName, entity, runKey, number, status,
                executedBy, startedAt, finishedAt, message, runId, taskRunId);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    public boolean failed() {
        return status == ExecutionStatus.FAILED;
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(message).filter(text -> !text.isBlank());
    }
}
