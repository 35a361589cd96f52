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

    /**
     * The row a plain JDBC query read, for the relay's claim, which runs once per batch and has no
     * need of a persistence context (the columns are the mapping's above).
     */
    static NotificationEntity read(java.sql.ResultSet row) throws java.sql.SQLException {
        NotificationEntity entity = new NotificationEntity();
        entity.id = row.getString("id");
        entity.scheduleId = row.getString("schedule_id");
        entity.executionId = row.getString("execution_id");
        entity.targetUrl = row.getString("target_url");
        entity.targetRedacted = row.getString("target_redacted");
        entity.targetKind = row.getString("target_kind");
        entity.signingSecret = row.getString("signing_secret");
        entity.body = row.getString("body");
        entity.createdAt = row.getObject("created_at", LocalDateTime.class);
        entity.status = row.getString("status");
        entity.attempts = row.getInt("attempts");
        entity.nextAttemptAt = row.getObject("next_attempt_at", LocalDateTime.class);
        entity.lastError = row.getString("last_error");
        entity.deliveredAt = row.getObject("delivered_at", LocalDateTime.class);
        entity.claimedBy = row.getString("claimed_by");
        entity.leaseUntil = row.getObject("lease_until", LocalDateTime.class);
        entity.retrySince = row.getObject("retry_since", LocalDateTime.class);
        entity.attemptsAtReplay = row.getInt("attempts_at_replay");
        return entity;
    }
}
