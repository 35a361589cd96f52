package org.notebookscheduler.application.port.in;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * An engine says one of a schedule's tasks is due in one of its runs: run it now. The web callback
 * builds it from what DolphinScheduler sent once the credential is proven; the embedded engine
 * builds it directly. It checks itself, so a bad value is refused before anything runs; its
 * refusals name its own fields.
 *
 * @param scheduleId     the schedule
 * @param taskName       the task, by its name in the schedule
 * @param runKey         what makes it one run: the same for the retries of the task inside that
 *                       run, new when the run is repeated or its failed tasks are rerun
 * @param engineRun      the engine's own ids of the run and of the task's run in it, when known
 * @param timeout        a shorter limit than the task's own, when the engine asks for one
 * @param timeParameters the engine's values of the time parameters ({@link ScheduledTask#TIME_PARAMETERS}),
 *                       which the run receives beside the task's own parameters
 */
public record TaskAttempt(ScheduleId scheduleId, String taskName, String runKey, Optional<EngineRun> engineRun,
        Optional<Duration> timeout, Map<String, String> timeParameters) {

    public static final int MAX_RUN_KEY_LENGTH = 128;
    public static final int MAX_TIME_PARAMETER_LENGTH = 32;

    public TaskAttempt {
        Check.required(scheduleId, "scheduleId");
        taskName = Check.text(taskName, "taskName", ScheduledTask.MAX_NAME_LENGTH);
        runKey = Check.text(runKey, "runKey", MAX_RUN_KEY_LENGTH);
        engineRun = Objects.requireNonNullElse(engineRun, Optional.empty());
        timeout = Objects.requireNonNullElse(timeout, Optional.empty());
        timeout.ifPresent(limit -> {
            if (limit.isNegative() || limit.isZero()) {
                throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, "timeout", "a timeout must be positive");
            }
        });
        timeParameters = Map.copyOf(Objects.requireNonNullElse(timeParameters, Map.of()));
        timeParameters.forEach((name, value) -> {
            String field = "timeParameters." + name;
            if (!ScheduledTask.TIME_PARAMETERS.contains(name)) {
                throw new RefusedException(ErrorCode.PARAMETER_RESERVED, field, "only the time parameters "
                        + ScheduledTask.TIME_PARAMETERS + " come from the engine; the task's own come from the schedule");
            }
            Check.text(value, field, MAX_TIME_PARAMETER_LENGTH);
        });
    }

    /** A run of the task with nothing but its schedule, name and run: the task's own timeout, no time values. */
    public static TaskAttempt of(ScheduleId scheduleId, String taskName, String runKey) {
        return new TaskAttempt(scheduleId, taskName, runKey, Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * @param runId     the engine's run (DolphinScheduler's process instance)
     * @param taskRunId the task's run within it (its task instance), whose log this attempt writes
     */
    public record EngineRun(String runId, String taskRunId) {
        public EngineRun {
            Objects.requireNonNull(runId, "runId");
        }
    }
}
