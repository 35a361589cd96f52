package org.notebookscheduler.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * A message on its way to one robot: pending until delivered, retried with backoff, dead when it
 * cannot be delivered, and pending again when someone replays it.
 */
public final class Notification {

    /** Delivery errors are kept up to this length. */
    public static final int MAX_ERROR_LENGTH = 2000;

    private final NotificationId id;
    private final ScheduleId scheduleId;
    private final ExecutionId executionId;
    private final WebhookTarget target;
    private final String text;
    private final Instant createdAt;
    private NotificationStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant deliveredAt;
    private Instant retrySince;
    private int attemptsAtReplay;
    /** The failure of an attempt made since this copy was loaded, not yet in the stored history. */
    private FailedAttempt newFailure;

    private Notification(NotificationId id, ScheduleId scheduleId, ExecutionId executionId, WebhookTarget target,
            String text, Instant createdAt, NotificationStatus status, int attempts, Instant nextAttemptAt,
            String lastError, Instant deliveredAt, Instant retrySince, int attemptsAtReplay) {
        this.id = Objects.requireNonNull(id, "id");
        this.scheduleId = Objects.requireNonNull(scheduleId, "scheduleId");
        this.executionId = executionId;
        this.target = Objects.requireNonNull(target, "target");
        this.text = Objects.requireNonNull(text, "text");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.attempts = attempts;
        this.nextAttemptAt = Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        this.lastError = lastError;
        this.deliveredAt = deliveredAt;
        this.retrySince = retrySince == null ? createdAt : retrySince;
        if (attemptsAtReplay < 0 || attemptsAtReplay > attempts) {
            throw new IllegalArgumentException("attemptsAtReplay must be between 0 and attempts");
        }
        this.attemptsAtReplay = attemptsAtReplay;
    }

    /** A new notification, due at once. */
    public static Notification pending(ScheduleId scheduleId, ExecutionId executionId, WebhookTarget target,
            String text, Instant now) {
        return new Notification(NotificationId.newId(), scheduleId, executionId, target, text, now,
                NotificationStatus.PENDING, 0, now, null, null, now, 0);
    }

    /**
     * Rebuilds a stored notification; for persistence adapters only.
     *
     * @param retrySince when its current run of attempts began (created, or last replayed); null for created
     * @param attemptsAtReplay how many attempts it had when last replayed (0 if never)
     */
    public static Notification restore(NotificationId id, ScheduleId scheduleId, ExecutionId executionId,
            WebhookTarget target, String text, Instant createdAt, NotificationStatus status, int attempts,
            Instant nextAttemptAt, String lastError, Instant deliveredAt, Instant retrySince, int attemptsAtReplay) {
        return new Notification(id, scheduleId, executionId, target, text, createdAt, status, attempts,
                nextAttemptAt, lastError, deliveredAt, retrySince, attemptsAtReplay);
    }

    public void delivered(Instant now) {
        attempts++;
        status = NotificationStatus.DELIVERED;
        deliveredAt = now;
        lastError = null;
    }

    /**
     * A failure that trying again may cure: due again after the backoff, or dead when the attempts
     * since its creation or last replay run out, or its retrying would outlast the backoff's age.
     */
    public void failedRetryably(String error, Optional<Duration> retryAfter, DeliveryBackoff backoff, double random,
            Instant now) {
        failed(error, now);
        Optional<Instant> next = backoff.delayAfter(attempts - attemptsAtReplay, retryAfter, random).map(now::plus)
                .filter(at -> !at.isAfter(retrySince.plus(backoff.maxAge())));
        if (next.isPresent()) {
            nextAttemptAt = next.get();
        } else {
            status = NotificationStatus.DEAD;
        }
    }

    /** A failure that no retry cures (bad token, bad signature, malformed message): dead at once. */
    public void failedPermanently(String error, Instant now) {
        failed(error, now);
        status = NotificationStatus.DEAD;
    }

    private void failed(String error, Instant now) {
        attempts++;
        lastError = Text.cut(error, MAX_ERROR_LENGTH);
        newFailure = new FailedAttempt(attempts, now, lastError);
    }

    /**
     * Not sent now because its robot is paced or backing off: due again at {@code until}, without
     * counting an attempt.
     */
    public void postpone(Instant until) {
        if (status == NotificationStatus.PENDING && until.isAfter(nextAttemptAt)) {
            nextAttemptAt = until;
        }
    }

    /**
     * Makes a dead notification due again, with a fresh set of attempts to retry with and a fresh
     * age; the attempts so far and the last error stay, so its history survives the replay.
     */
    public void replay(Instant now) {
        if (status != NotificationStatus.DEAD) {
            throw new RefusedException(ErrorCode.NOTIFICATION_NOT_DEAD, "notificationId",
                    "notification " + id + " is " + status + "; only a dead notification can be replayed");
        }
        status = NotificationStatus.PENDING;
        attemptsAtReplay = attempts;
        nextAttemptAt = now;
        retrySince = now;
    }

    /** When its current run of attempts began: its creation, or its last replay. */
    public Instant retrySince() {
        return retrySince;
    }

    /** How many attempts it had when last replayed (0 if never): its retries count from there. */
    public int attemptsAtReplay() {
        return attemptsAtReplay;
    }

    /**
     * The failed attempt this copy made since it was loaded, for the outbox to add to the stored
     * history together with the new state; empty if it made none.
     */
    public Optional<FailedAttempt> newFailure() {
        return Optional.ofNullable(newFailure);
    }

    public NotificationId id() {
        return id;
    }

    public ScheduleId scheduleId() {
        return scheduleId;
    }

    public Optional<ExecutionId> executionId() {
        return Optional.ofNullable(executionId);
    }

    public WebhookTarget target() {
        return target;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public NotificationStatus status() {
        return status;
    }

    /** Attempts over its whole life, replays included. */
    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    @Override
    public String toString() {
        return "Notification[" + id + " to " + target + ", " + status + ", attempts=" + attempts + "]";
    }
}
