package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.notebookscheduler.application.port.in.ExecutionCallback;
import org.notebookscheduler.application.port.in.HandleExecutionCallbackUseCase;
import org.notebookscheduler.application.port.out.Alarms;
import org.notebookscheduler.application.port.out.AttemptClaims;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.SchedulerGateway;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.application.settings.CallbackSettings;
import org.notebookscheduler.application.settings.NotificationSettings;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.CallbackCredential;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * The scheduler's task calls back to run an entity. Only the scheduler can: the callback proves
 * itself with the credential of that schedule's task, and the stored schedule, not the body,
 * decides what runs, at which commit, with which parameters. The run happens outside any transaction (it can
 * take hours); afterwards one transaction records the result, its audit line and its notifications,
 * so a notification exists exactly when its result does.
 */
public final class ExecutionCallbackService implements HandleExecutionCallbackUseCase {

    private static final int MAX_RECORD_TRIES = 3;
    private static final int MAX_TIME_PARAMETER_LENGTH = 32;
    /** How long past the run's timeout a claim still holds, for the result to be recorded. */
    private static final Duration CLAIM_MARGIN = Duration.ofMinutes(10);
    /** How long after a run was asked for its first callback may still arrive. */
    private static final Duration START_GRACE = Duration.ofMinutes(30);

    private final CallbackSettings settings;
    private final NotificationSettings notifications;
    private final ScheduleStore schedules;
    private final ExecutionStore executions;
    private final AuditLog audit;
    private final NotificationOutbox outbox;
    private final NotebookRunner runner;
    private final Transactions transactions;
    private final Clock clock;
    private final Alarms alarms;
    private final AttemptClaims claims;
    private final SchedulerGateway gateway;

    public ExecutionCallbackService(CallbackSettings settings, NotificationSettings notifications,
            ScheduleStore schedules, ExecutionStore executions, AuditLog audit, NotificationOutbox outbox,
            NotebookRunner runner, Transactions transactions, Clock clock, Alarms alarms, AttemptClaims claims,
            SchedulerGateway gateway) {
        this.claims = claims;
        this.gateway = gateway;
        this.settings = settings;
        this.notifications = notifications;
        this.schedules = schedules;
        this.executions = executions;
        this.audit = audit;
        this.outbox = outbox;
        this.runner = runner;
        this.transactions = transactions;
        this.clock = clock;
        this.alarms = alarms;
    }

    @Override
    public Outcome handle(ExecutionCallback callback) {
        Schedule schedule = authenticated(callback);
        ScheduledTask task = schedule.definition().task(callback.taskName()).orElseThrow(() -> new RefusedException(
                ErrorCode.CALLBACK_MISMATCH, ExecutionCallback.TASK_NAME, "the schedule has no task named '"
                        + callback.taskName() + "' any more; the scheduler holds an older definition: repair it"));
        assertMatches(callback, task);
        assertExpected(schedule, task);
        Duration timeout = timeoutFor(task, seconds(callback.timeout()));
        Optional<SchedulerGateway.CallerRun> callerRun = callerRun(schedule, task, callback);
        String runKey = callerRun.map(SchedulerGateway.CallerRun::runKey).orElseGet(() -> runKey(callback.runKey()));

        List<ExecutionResult> attempts = executions.findAttempts(schedule.id(), task.name(), runKey);
        Optional<ExecutionResult> succeeded = attempts.stream().filter(result -> !result.failed()).findFirst();
        if (succeeded.isPresent()) {
            return new Outcome(succeeded.get(), true);
        }

        AttemptClaims.Attempt claimed = new AttemptClaims.Attempt(schedule.id(), task.name(), runKey,
                attempts.size() + 1);
        Instant claimedAt = clock.instant();
        if (!claims.claim(claimed, claimedAt, claimedAt.plus(timeout).plus(CLAIM_MARGIN))) {
            throw new RefusedException(ErrorCode.ATTEMPT_IN_PROGRESS, ExecutionCallback.RUN_KEY, "attempt "
                    + claimed.number() + " of task '" + task.name() + "' in this run is being run by another callback"
                    + " right now; its result is the one that counts");
        }
        try {
            return runClaimed(schedule, task, callback, timeout, claimed, callerRun);
        } finally {
            claims.release(claimed);
        }
    }

    private Outcome runClaimed(Schedule schedule, ScheduledTask task, ExecutionCallback callback,
            Duration timeout, AttemptClaims.Attempt claimed, Optional<SchedulerGateway.CallerRun> callerRun) {
        NotificationPolicy policy = schedule.definition().notifications().applyTo(notifications.policy());
        List<WebhookTarget> destinations = schedule.definition().notifications()
                .destinationsOr(notifications.destinations());
        NotificationPolicy.RunInProgress inProgress = new NotificationPolicy.RunInProgress(schedule.name(),
                task.name(), task.entity(), schedule.owner(), clock.instant(), claimed.number());
        if (policy.notifyOnStart()) {
            transactions.run(() -> enqueue(schedule.id(), null, destinations,
                    policy.renderStarted(inProgress, notifications.zone())));
        }
        Optional<Alarms.Alarm> warning = policy.longRunWarningAfter().map(after -> alarms.set(after,
                () -> transactions.run(() -> enqueue(schedule.id(), null, destinations,
                        policy.renderStillRunning(inProgress, after, notifications.zone())))));
        NotebookRunner.Outcome outcome;
        try {
            outcome = run(schedule, task, callback, timeout);
        } finally {
            warning.ifPresent(Alarms.Alarm::cancel);
        }
        ExecutionResult result = new ExecutionResult(ExecutionId.newId(), schedule.id(), schedule.name(),
                schedule.owner(), task.name(), task.entity(), claimed.runKey(), claimed.number(),
                outcome.succeeded() ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED,
                outcome.executedBy() != null ? outcome.executedBy() : schedule.owner(), outcome.startedAt(),
                outcome.finishedAt(), outcome.succeeded() ? null : outcome.error(),
                callerRun.map(SchedulerGateway.CallerRun::runId).orElse(null),
                callerRun.map(SchedulerGateway.CallerRun::taskRunId).orElse(null));
        return recordRacing(result, policy, destinations, claimed);
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
     * Two callbacks for the same task and run can race (a scheduler retry while the first still
     * runs); the store lets only one write an attempt number. The loser records its run as the next
     * attempt, unless the winner succeeded, in which case it answers as a repeat.
     */
    private Outcome recordRacing(ExecutionResult result, NotificationPolicy policy, List<WebhookTarget> destinations,
            AttemptClaims.Attempt claimed) {
        ExecutionResult attempt = result;
        for (int tries = 1; ; tries++) {
            try {
                ExecutionResult recorded = attempt;
                transactions.run(() -> {
                    record(recorded, policy, destinations);
                    claims.release(claimed);
                });
                return new Outcome(recorded, false);
            } catch (RefusedException e) {
                if (e.code() != ErrorCode.ATTEMPT_ALREADY_RECORDED || tries == MAX_RECORD_TRIES) {
                    throw e;
                }
                List<ExecutionResult> attempts = executions.findAttempts(result.scheduleId(), result.taskName(),
                        result.runKey());
                Optional<ExecutionResult> succeeded = attempts.stream().filter(other -> !other.failed()).findFirst();
                if (succeeded.isPresent()) {
                    return new Outcome(succeeded.get(), true);
                }
                attempt = result.asAttempt(attempts.size() + 1);
            }
        }
    }

    /**
     * The scheduler's own run, so that retries inside one run are attempts of it and a repeat is a
     * run of its own; a scheduler that cannot tell, or cannot be asked, leaves the callback's key.
     */
    private Optional<SchedulerGateway.CallerRun> callerRun(Schedule schedule, ScheduledTask task,
            ExecutionCallback callback) {
        if (schedule.remote().isEmpty()) {
            return Optional.empty();
        }
        try {
            return gateway.callerRun(schedule, task.name(), callback.runKey());
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
        return Check.text(sent, ExecutionCallback.RUN_KEY, 128);
    }

    private static Duration seconds(String timeout) {
        if (timeout == null || timeout.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(timeout.strip());
            Check.range(seconds, 1, Long.MAX_VALUE / 1000, ExecutionCallback.TIMEOUT);
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, ExecutionCallback.TIMEOUT,
                    "timeout must be a whole number of seconds");
        }
    }

    private NotebookRunner.Outcome run(Schedule schedule, ScheduledTask task, ExecutionCallback callback,
            Duration timeout) {
        // the task's own parameters, and the time parameters as the scheduler filled them in; any
        // other field of the body is not the caller's to choose and is ignored
        Map<String, String> parameters = new HashMap<>(task.parameters());
        for (String name : ScheduledTask.TIME_PARAMETERS) {
            String value = callback.parameters().get(name);
            if (value != null && !value.contains("${")) {
                parameters.put(name, Text.cut(value, MAX_TIME_PARAMETER_LENGTH));
            }
        }
        NotebookRunner.Request request = new NotebookRunner.Request(task.entity(), schedule.owner(), task.commitId(),
                parameters, timeout);
        Instant startedAt = clock.instant();
        try {
            return runner.run(request);
        } catch (RuntimeException e) {
            // The host's runner broke rather than reporting a failed run; that is still a failed run to record.
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new NotebookRunner.Outcome(false, schedule.owner(), startedAt, clock.instant(), reason);
        }
    }

    private Duration timeoutFor(ScheduledTask task, Duration requested) {
        Duration timeout = task.timeout();
        if (requested != null && !requested.isNegative() && !requested.isZero() && requested.compareTo(timeout) < 0) {
            timeout = requested;
        }
        return timeout.compareTo(settings.maxTimeout()) > 0 ? settings.maxTimeout() : timeout;
    }

    private void record(ExecutionResult result, NotificationPolicy policy, List<WebhookTarget> destinations) {
        executions.save(result);
        Instant now = clock.instant();
        audit.append(ScheduleEvent.of(result.scheduleId(), ScheduleEventType.EXECUTION_RECORDED,
                Actor.SCHEDULER.name(), now, "task '" + result.taskName() + "' attempt " + result.attempt() + " of run "
                        + result.runKey() + " " + result.status().label()));
        if (policy.shouldNotify(result)) {
            enqueue(result.scheduleId(), result.id(), destinations, policy.render(result, notifications.zone()));
        }
    }

    private void enqueue(ScheduleId scheduleId, ExecutionId executionId, List<WebhookTarget> destinations,
            String text) {
        Instant now = clock.instant();
        for (WebhookTarget destination : destinations) {
            outbox.enqueue(Notification.pending(scheduleId, executionId, destination, text, now));
        }
    }
}
