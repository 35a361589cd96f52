package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase;
import org.notebookscheduler.application.port.in.TaskAttempt;
import org.notebookscheduler.application.port.out.Alarms;
import org.notebookscheduler.application.port.out.AttemptClaims;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.application.settings.NotificationSettings;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Runs a task attempt, whichever engine said it is due. The stored schedule decides what runs, at
 * which commit, with which parameters. The run happens outside any transaction (it can take hours);
 * afterwards one transaction records the result, its audit line and its notifications, so a
 * notification exists exactly when its result does.
 */
public final class TaskAttemptService implements RunTaskAttemptUseCase {

    private static final int MAX_RECORD_TRIES = 3;
    /** How long past the run's timeout a claim still holds, for the result to be recorded. */
    private static final Duration CLAIM_MARGIN = Duration.ofMinutes(10);

    private final ScheduleStore schedules;
    private final ExecutionStore executions;
    private final AuditLog audit;
    private final NotebookRunner runner;
    private final Transactions transactions;
    private final Clock clock;
    private final AttemptClaims claims;
    private final AttemptNotices.Factory notices;
    private final Duration maxTimeout;

    /** @param maxTimeout no run lasts longer than this, whatever the task or the engine ask for */
    public TaskAttemptService(ScheduleStore schedules, ExecutionStore executions, AuditLog audit,
            NotificationOutbox outbox, NotificationSettings notifications, NotebookRunner runner,
            Transactions transactions, Clock clock, Alarms alarms, AttemptClaims claims, Duration maxTimeout) {
        this.schedules = schedules;
        this.executions = executions;
        this.audit = audit;
        this.runner = runner;
        this.transactions = transactions;
        this.clock = clock;
        this.claims = claims;
        this.notices = new AttemptNotices.Factory(notifications, outbox, transactions, alarms, clock);
        this.maxTimeout = maxTimeout;
    }

    @Override
    public Outcome run(TaskAttempt attempt) {
        Schedule schedule = schedules.findById(attempt.scheduleId()).orElseThrow(() -> new RefusedException(
                ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId", "no schedule " + attempt.scheduleId()));
        return run(attempt, schedule);
    }

    @Override
    public Outcome run(TaskAttempt attempt, Schedule schedule) {
        if (!schedule.id().equals(attempt.scheduleId())) {
            throw new IllegalArgumentException("schedule " + schedule.id() + " is not the attempt's, "
                    + attempt.scheduleId());
        }
        ScheduledTask task = schedule.definition().task(attempt.taskName()).orElseThrow(() -> new RefusedException(
                ErrorCode.CALLBACK_MISMATCH, "taskName", "the schedule has no task named '" + attempt.taskName()
                        + "' any more; the engine holds an older definition: repair it"));
        Duration timeout = timeoutFor(task, attempt.timeout());

        List<ExecutionResult> attempts = executions.findAttempts(schedule.id(), task.name(), attempt.runKey());
        Optional<ExecutionResult> succeeded = attempts.stream().filter(result -> !result.failed()).findFirst();
        if (succeeded.isPresent()) {
            return new Outcome(succeeded.get(), true);
        }
        AttemptClaims.Attempt claimed = new AttemptClaims.Attempt(schedule.id(), task.name(), attempt.runKey(),
                attempts.size() + 1);
        Instant claimedAt = clock.instant();
        if (!claims.claim(claimed, claimedAt, claimedAt.plus(timeout).plus(CLAIM_MARGIN))) {
            throw new RefusedException(ErrorCode.ATTEMPT_IN_PROGRESS, "runKey", "attempt " + claimed.number()
                    + " of task '" + task.name() + "' in this run is being run by another call right now; its"
                    + " result is the one that counts");
        }
        try {
            return runClaimed(schedule, task, attempt, timeout, claimed);
        } catch (RuntimeException | Error failed) {
            // a recorded result gives the claim back in its own transaction; anything else gives it back here
            claims.release(claimed);
            throw failed;
        }
    }

    private Outcome runClaimed(Schedule schedule, ScheduledTask task, TaskAttempt attempt, Duration timeout,
            AttemptClaims.Attempt claimed) {
        AttemptNotices notice = notices.of(schedule, task, claimed.number());
        notice.started();
        Optional<Alarms.Alarm> warning = notice.warnIfStillRunning();
        NotebookRunner.Outcome outcome;
        try {
            outcome = run(schedule, task, attempt, timeout);
        } finally {
            warning.ifPresent(Alarms.Alarm::cancel);
        }
        ExecutionResult result = new ExecutionResult(ExecutionId.newId(), schedule.id(), schedule.name(),
                schedule.owner(), task.name(), task.entity(), claimed.runKey(), claimed.number(),
                outcome.succeeded() ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED,
                outcome.executedBy() != null ? outcome.executedBy() : schedule.owner(), outcome.startedAt(),
                outcome.finishedAt(), outcome.succeeded() ? null : outcome.error(),
                attempt.engineRun().map(TaskAttempt.EngineRun::runId).orElse(null),
                attempt.engineRun().map(TaskAttempt.EngineRun::taskRunId).orElse(null));
        return recordRacing(result, notice, claimed, outcome.printed());
    }

    /**
     * Records the attempt and gives its claim back: with the result, in one transaction, or on its
     * own when the attempt turns out to repeat a success recorded meanwhile.
     *
     * <p>Two calls for the same task and run can race (an engine's retry while the first still runs);
     * the store lets only one write an attempt number. The loser records its run as the next
     * attempt, unless the winner succeeded, in which case it answers as a repeat.
     */
    private Outcome recordRacing(ExecutionResult result, AttemptNotices notice, AttemptClaims.Attempt claimed,
            Optional<String> output) {
        ExecutionResult attempt = result;
        for (int tries = 1; ; tries++) {
            try {
                ExecutionResult recorded = attempt;
                transactions.run(() -> {
                    record(recorded, notice);
                    claims.release(claimed);
                });
                return new Outcome(recorded, false, output);
            } catch (RefusedException e) {
                if (e.code() != ErrorCode.ATTEMPT_ALREADY_RECORDED || tries == MAX_RECORD_TRIES) {
                    throw e;
                }
                List<ExecutionResult> attempts = executions.findAttempts(result.scheduleId(), result.taskName(),
                        result.runKey());
                Optional<ExecutionResult> succeeded = attempts.stream().filter(other -> !other.failed()).findFirst();
                if (succeeded.isPresent()) {
                    claims.release(claimed);
                    return new Outcome(succeeded.get(), true);
                }
                attempt = result.asAttempt(attempts.size() + 1);
            }
        }
    }

    private NotebookRunner.Outcome run(Schedule schedule, ScheduledTask task, TaskAttempt attempt,
            Duration timeout) {
        Map<String, String> parameters = new HashMap<>(task.parameters());
        parameters.putAll(attempt.timeParameters());
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

    private Duration timeoutFor(ScheduledTask task, Optional<Duration> requested) {
        Duration timeout = task.timeout();
        if (requested.isPresent() && requested.get().compareTo(timeout) < 0) {
            timeout = requested.get();
        }
        return timeout.compareTo(maxTimeout) > 0 ? maxTimeout : timeout;
    }

    private void record(ExecutionResult result, AttemptNotices notice) {
        executions.save(result);
        audit.append(ScheduleEvent.of(result.scheduleId(), ScheduleEventType.EXECUTION_RECORDED,
                Actor.SCHEDULER.name(), clock.instant(), "task '" + result.taskName() + "' attempt "
                        + result.attempt() + " of run " + result.runKey() + " " + result.status().label()));
        notice.recorded(result);
    }
}
