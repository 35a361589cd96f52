package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.notebookscheduler.application.port.in.ExecutionCallback;
import org.notebookscheduler.application.port.in.HandleExecutionCallbackUseCase;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase;
import org.notebookscheduler.application.port.in.TaskAttempt;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.CallerRuns;
import org.notebookscheduler.application.settings.CallbackSettings;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.schedule.CallbackCredential;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * DolphinScheduler's task calls back to run an entity. Only the scheduler can: the callback proves
 * itself with the credential of that schedule's task, what it says it runs must be what the stored
 * task runs, and it must be expected (the schedule online, or a run of it asked for). Then it is a
 * {@link TaskAttempt} like any engine's, in the run DolphinScheduler says it comes from.
 */
public final class ExecutionCallbackService implements HandleExecutionCallbackUseCase {

    /** How long after a run was asked for its first callback may still arrive. */
    private static final Duration START_GRACE = Duration.ofMinutes(30);
    /** The attempt's own field names, and the callback's that carried them. */
    private static final Map<String, String> CALLBACK_FIELDS = Map.of("scheduleId", ExecutionCallback.SCHEDULE_ID,
            "taskName", ExecutionCallback.TASK_NAME, "runKey", ExecutionCallback.RUN_KEY,
            "timeout", ExecutionCallback.TIMEOUT);

    private final CallbackSettings settings;
    private final ScheduleStore schedules;
    private final AuditLog audit;
    private final Clock clock;
    private final Engines engines;
    private final RunTaskAttemptUseCase attempts;

    public ExecutionCallbackService(CallbackSettings settings, ScheduleStore schedules, AuditLog audit, Clock clock,
            Engines engines, RunTaskAttemptUseCase attempts) {
        this.settings = settings;
        this.schedules = schedules;
        this.audit = audit;
        this.clock = clock;
        this.engines = engines;
        this.attempts = attempts;
    }

    @Override
    public RunTaskAttemptUseCase.Outcome handle(ExecutionCallback callback) {
        Schedule schedule = authenticated(callback);
        ScheduledTask task = schedule.definition().task(callback.taskName()).orElseThrow(() -> new RefusedException(
                ErrorCode.CALLBACK_MISMATCH, ExecutionCallback.TASK_NAME, "the schedule has no task named '"
                        + callback.taskName() + "' any more; the scheduler holds an older definition: repair it"));
        assertMatches(callback, task);
        assertExpected(schedule, task);
        Optional<Duration> timeout = seconds(callback.timeout());
        Optional<CallerRuns.CallerRun> callerRun = callerRun(schedule, task, callback);
        String runKey = callerRun.map(CallerRuns.CallerRun::runKey).orElseGet(() -> runKey(callback.runKey()));
        TaskAttempt attempt = new TaskAttempt(schedule.id(), task.name(), runKey,
                callerRun.map(run -> new TaskAttempt.EngineRun(run.runId(), run.taskRunId())), timeout,
                timeParameters(callback));
        try {
            return attempts.run(attempt, schedule);
        } catch (RefusedException refused) {
            throw inCallbackTerms(refused);
        }
    }

    /**
     * The schedule the callback is for, once its credential is proven: the credential of exactly
     * that schedule's task under the configured callback token. Anything else, a missing or unknown
     * schedule included, is the same 401, so a caller without the credential learns nothing.
     */
    private Schedule authenticated(ExecutionCallback callback) {
        Optional<Schedule> schedule = settings.token().flatMap(key -> scheduleId(callback.scheduleId())
                .flatMap(schedules::findById)
                .filter(found -> CallbackCredential.matches(key, found.id(), callback.taskName(), callback.token())));
        return schedule.orElseThrow(() -> new RefusedException(ErrorCode.CALLBACK_TOKEN_INVALID,
                ExecutionCallback.TOKEN, "the callback credential is missing or wrong for this schedule and task"));
    }

    private static Optional<ScheduleId> scheduleId(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(ScheduleId.of(text.strip()));
        } catch (RuntimeException notAnId) {
            return Optional.empty();
        }
    }

    /** What the callback says it runs must be what the stored task runs; the body never chooses. */
    private static void assertMatches(ExecutionCallback callback, ScheduledTask task) {
        if (callback.entityType() != null && !callback.entityType().strip().equalsIgnoreCase(
                task.entity().type().wireName())) {
            throw mismatch(ExecutionCallback.ENTITY_TYPE, "entity type", callback.entityType());
        }
        if (callback.entityId() != null && !callback.entityId().strip().equals(task.entity().id())) {
            throw mismatch(ExecutionCallback.ENTITY_ID, "entity", callback.entityId());
        }
        if (callback.commitId() != null && !callback.commitId().strip().equals(String.valueOf(task.commitId()))) {
            throw mismatch(ExecutionCallback.COMMIT_ID, "commit", callback.commitId());
        }
    }

    private static RefusedException mismatch(String field, String what, String sent) {
        return new RefusedException(ErrorCode.CALLBACK_MISMATCH, field, "the " + what + " sent ('"
                + Text.cut(sent, 64) + "') is not the one the schedule's task runs; the stored schedule decides");
    }

    /**
     * A callback is expected while the schedule is online, or after someone asked for a run (run
     * now, a run command) for as long as that run and its retries can last.
     */
    private void assertExpected(Schedule schedule, ScheduledTask task) {
        if (schedule.releaseState() == ReleaseState.ONLINE) {
            return;
        }
        Duration runCanLast = settings.maxTimeout().multipliedBy(task.retries() + 1L)
                .plus(task.retryInterval().multipliedBy(task.retries())).plus(START_GRACE);
        Instant since = clock.instant().minus(runCanLast);
        boolean asked = audit.latest(schedule.id(), Set.of(ScheduleEventType.RUN_REQUESTED,
                ScheduleEventType.RUN_COMMANDED)).filter(event -> !event.at().isBefore(since)).isPresent();
        if (!asked) {
            throw new RefusedException(ErrorCode.CALLBACK_NOT_EXPECTED, ExecutionCallback.SCHEDULE_ID,
                    "the schedule is offline and no run of it was asked for; nothing is run");
        }
    }

    /**
     * The scheduler's own run, so that retries inside one run are attempts of it and a repeat is a
     * run of its own; a scheduler that cannot tell, or cannot be asked, leaves the callback's key.
     */
    private Optional<CallerRuns.CallerRun> callerRun(Schedule schedule, ScheduledTask task,
            ExecutionCallback callback) {
        if (schedule.remote().isEmpty()) {
            return Optional.empty();
        }
        try {
            return engines.of(schedule).callerRuns().callerRun(schedule, task.name(), callback.runKey());
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    /**
     * A run key the scheduler could not fill in (1.3.9 leaves an unknown {@code ${...}} as it is) or
     * did not send makes the callback a run of its own.
     */
    private static String runKey(String sent) {
        if (sent == null || sent.isBlank() || sent.contains("${")) {
            return "manual-" + UUID.randomUUID();
        }
        return Check.text(sent, ExecutionCallback.RUN_KEY, TaskAttempt.MAX_RUN_KEY_LENGTH);
    }

    private static Optional<Duration> seconds(String timeout) {
        if (timeout == null || timeout.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(timeout.strip());
            Check.range(seconds, 1, Long.MAX_VALUE / 1000, ExecutionCallback.TIMEOUT);
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, ExecutionCallback.TIMEOUT,
                    "timeout must be a whole number of seconds");
        }
    }

    /**
     * The time parameters as the scheduler filled them in (one it could not fill is left out, and
     * a value is cut to the attempt's limit); any other field of the body is not the caller's to
     * choose and is ignored: the task's own parameters come from the stored schedule.
     */
    private static Map<String, String> timeParameters(ExecutionCallback callback) {
        Map<String, String> values = new HashMap<>();
        for (String name : ScheduledTask.TIME_PARAMETERS) {
            String value = callback.parameters().get(name);
            if (value != null && !value.isBlank() && !value.contains("${")) {
                values.put(name, Text.cut(value.strip(), TaskAttempt.MAX_TIME_PARAMETER_LENGTH));
            }
        }
        return values;
    }

    /** A refusal of the attempt names the callback's field that carried the value. */
    private static RefusedException inCallbackTerms(RefusedException refused) {
        Optional<String> field = refused.field().map(name -> CALLBACK_FIELDS.getOrDefault(name, name));
        if (field.equals(refused.field())) {
            return refused;
        }
        RefusedException renamed = new RefusedException(refused.code(), field.orElse(null), refused.getMessage());
        renamed.setStackTrace(refused.getStackTrace());
        return renamed;
    }
}
