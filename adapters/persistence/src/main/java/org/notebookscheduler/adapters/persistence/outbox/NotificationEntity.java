package org.notebookscheduler.adapters.persistence.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.notebookscheduler.adapters.persistence.Columns;

/** A row of {@code notification_outbox}; the claim columns are written by {@link OutboxClaim} only. */
@Entity
@Table(name = "notification_outbox")
public class NotificationEntity {

    @Id
    @Column(length = 36)
    String id;

    @Column(name = "schedule_id", nullable = false, length = 36)
    String scheduleId;

    @Column(name = "execution_id", length = 36)
    String executionId;

    @Column(name = "target_url", nullable = false, length = 2000)
    String targetUrl;

    @Column(name = "target_redacted", nullable = false)
    String targetRedacted;

    @Column(name = "target_kind", nullable = false, length = 16)
    String targetKind;

    @Column(name = "signing_secret", length = 512)
    String signingSecret;

    @Column(length = Columns.LONG_TEXT, nullable = false)
    String body;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(nullable = false, length = 16)
    String status;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    LocalDateTime nextAttemptAt;

    @Column(name = "last_error", length = 2000)
    String lastError;

    @Column(name = "delivered_at")
    LocalDateTime deliveredAt;

    @Column(name = "claimed_by", length = 128)
    String claimedBy;

    @Column(name = "lease_until")
    LocalDateTime leaseUntil;

    /** The robot's URL with its token; never logged. */
    @Override
    public String toString() {
        return "NotificationEntity[" + id + " to " + targetRedacted + ", " + status + "]";
    }

    @Column(name = "retry_since")
    LocalDateTime retrySince;

    @Column(name = "attempts_at_replay", nullable = false)
    int attemptsAtReplay;
}
