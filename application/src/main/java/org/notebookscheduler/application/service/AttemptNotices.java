package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.application.port.out.Alarms;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.application.settings.NotificationSettings;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;

/**
 * What one task attempt tells people, by the schedule's notification settings over the global
 * ones: a start notice, a warning while it runs too long, and its result. Each becomes outbox rows,
 * one per robot; the relay sends them.
 */
final class AttemptNotices {

    private final ScheduleId scheduleId;
    private final NotificationPolicy policy;
    private final List<WebhookTarget> destinations;
    private final NotificationPolicy.RunInProgress inProgress;
    private final NotificationSettings settings;
    private final NotificationOutbox outbox;
    private final Transactions transactions;
    private final Alarms alarms;
    private final Clock clock;

    private AttemptNotices(Schedule schedule, ScheduledTask task, int attempt, NotificationSettings settings,
            NotificationOutbox outbox, Transactions transactions, Alarms alarms, Clock clock) {
        this.scheduleId = schedule.id();
        this.policy = schedule.definition().notifications().applyTo(settings.policy());
        this.destinations = schedule.definition().notifications().destinationsOr(settings.destinations());
        this.inProgress = new NotificationPolicy.RunInProgress(schedule.name(), task.name(), task.entity(),
                schedule.owner(), clock.instant(), attempt);
        this.settings = settings;
        this.outbox = outbox;
        this.transactions = transactions;
        this.alarms = alarms;
        this.clock = clock;
    }

    /** Makes the notices of attempts, with where they go and how they are written. */
    record Factory(NotificationSettings settings, NotificationOutbox outbox, Transactions transactions,
            Alarms alarms, Clock clock) {

        AttemptNotices of(Schedule schedule, ScheduledTask task, int attempt) {
            return new AttemptNotices(schedule, task, attempt, settings, outbox, transactions, alarms, clock);
        }
    }

    /** The start notice, in its own transaction, when the schedule asks for one. */
    void started() {
        if (policy.notifyOnStart()) {
            transactions.run(() -> enqueue(null, policy.renderStarted(inProgress, settings.zone())));
        }
    }

    /** An alarm that raises the long-run warning unless cancelled first (by the attempt's end). */
    Optional<Alarms.Alarm> warnIfStillRunning() {
        return policy.longRunWarningAfter().map(after -> alarms.set(after, () -> transactions.run(() ->
                enqueue(null, policy.renderStillRunning(inProgress, after, settings.zone())))));
    }

    /** The result's notice, in the caller's transaction (the one that records the result), when it is one to tell. */
    void recorded(ExecutionResult result) {
        if (policy.shouldNotify(result)) {
            enqueue(result.id(), policy.render(result, settings.zone()));
        }
    }

    private void enqueue(ExecutionId executionId, String text) {
        Instant now = clock.instant();
        for (WebhookTarget destination : destinations) {
            outbox.enqueue(Notification.pending(scheduleId, executionId, destination, text, now));
        }
    }
}
