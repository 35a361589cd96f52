package org.notebookscheduler.adapters.persistence.outbox;

import static org.notebookscheduler.adapters.persistence.UtcTime.column;
import static org.notebookscheduler.adapters.persistence.UtcTime.instant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.notebookscheduler.adapters.persistence.Pages;
import org.notebookscheduler.application.port.out.DeadNotificationFilter;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.notification.FailedAttempt;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationId;
import org.notebookscheduler.domain.notification.NotificationStatus;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Secret;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox in {@code notification_outbox}. */
@Repository
@Transactional
public class JpaNotificationOutbox implements NotificationOutbox {

    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    private final NotificationRepository repository;
    private final NamedParameterJdbcTemplate jdbc;
    private final OutboxClaim claim;
    private final TransactionTemplate transaction;

    @PersistenceContext
    private EntityManager entityManager;

    public JpaNotificationOutbox(NotificationRepository repository, NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.claim = new OutboxClaim(jdbc);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void enqueue(Notification notification) {
        NotificationEntity row = new NotificationEntity();
        row.id = notification.id().toString();
        copy(notification, row);
        // persist, not save: an assigned id makes save() look for the row first, a SELECT per notification
        entityManager.persist(row);
        entityManager.flush();
        recordFailure(notification);
    }

    /**
     * A claim is its own short transaction: the rows are the relay's once it returns, not when its
     * caller commits. The batch is handed back oldest created first, whatever made each row due.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public List<Notification> claimDue(String claimant, Instant now, Duration lease, int limit) {
        return claim.claim(claimant, now, now.plus(lease), limit).stream()
                .sorted(Comparator.comparing((NotificationEntity row) -> row.createdAt).thenComparing(row -> row.id))
                .map(JpaNotificationOutbox::toDomain).toList();
    }

    /**
     * One conditional update of what a delivery attempt changes, and the failed attempt added to
     * the history: a relay that lost its claim (the row is no longer pending and claimed by it)
     * changes nothing. An attempt that adds nothing to the history (a delivery, a postponement) is
     * that one statement, committed by itself unless the caller has a transaction: the relay stores
     * a row's outcome right after its send, row by row, and a transaction around one statement
     * would only add round trips (switching auto-commit off and on, the commit) to every message.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean complete(Notification notification, String claimant) {
        if (notification.newFailure().isEmpty()) {
            return storeOutcome(notification, claimant);
        }
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean held = storeOutcome(notification, claimant);
            if (held) {
                recordFailure(notification);
            }
            return held;
        }));
    }

    private boolean storeOutcome(Notification notification, String claimant) {
        return jdbc.update("UPDATE notification_outbox SET status = :status, attempts = :attempts,"
                + " next_attempt_at = :nextAttemptAt, last_error = :lastError, delivered_at = :deliveredAt,"
                + " claimed_by = NULL, lease_until = NULL WHERE id = :id AND status = 'PENDING' AND claimed_by = :claimant",
                new MapSqlParameterSource()
                        .addValue("status", notification.status().name())
                        .addValue("attempts", notification.attempts())
                        .addValue("nextAttemptAt", column(notification.nextAttemptAt()))
                        .addValue("lastError", notification.lastError().orElse(null))
                        .addValue("deliveredAt", column(notification.deliveredAt().orElse(null)))
                        .addValue("id", notification.id().toString())
                        .addValue("claimant", claimant)) == 1;
    }

    private void recordFailure(Notification notification) {
        notification.newFailure().ifPresent(failure -> entityManager.createNativeQuery("INSERT INTO"
                + " notification_attempt (notification_id, attempt, attempted_at, error) VALUES (?, ?, ?, ?)")
                .setParameter(1, notification.id().toString()).setParameter(2, failure.number())
                .setParameter(3, column(failure.at())).setParameter(4, failure.error()).executeUpdate());
    }

    @Override
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public List<FailedAttempt> failures(NotificationId id) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT attempt, attempted_at, error FROM"
                + " notification_attempt WHERE notification_id = ? ORDER BY attempt")
                .setParameter(1, id.toString()).getResultList();
        return rows.stream().map(row -> new FailedAttempt(((Number) row[0]).intValue(), instant(dateTime(row[1])),
                (String) row[2])).toList();
    }

    private static java.time.LocalDateTime dateTime(Object column) {
        return column instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime()
                : (java.time.LocalDateTime) column;
    }

    /**
     * One conditional update: whoever runs it first moves the row, everyone else finds it moved. The
     * attempts stay; the retries count from them.
     */
    @Override
    public boolean replay(NotificationId id, Instant now) {
        return entityManager.createNativeQuery("UPDATE notification_outbox SET status = 'PENDING',"
                + " attempts_at_replay = attempts, next_attempt_at = ?, retry_since = ?, claimed_by = NULL, lease_until = NULL WHERE id = ?"
                + " AND status = 'DEAD'").setParameter(1, column(now)).setParameter(2, column(now))
                .setParameter(3, id.toString()).executeUpdate() == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Notification> findById(NotificationId id) {
        return repository.findById(id.toString()).map(JpaNotificationOutbox::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Notification> findDead(DeadNotificationFilter filter, PageRequest page) {
        return Pages.from(repository.findAll(matching(NotificationStatus.DEAD, filter), Pages.of(page, OLDEST_FIRST)),
                page).map(JpaNotificationOutbox::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Notification> findPending(DeadNotificationFilter filter, PageRequest page) {
        return Pages.from(repository.findAll(matching(NotificationStatus.PENDING, filter),
                Pages.of(page, OLDEST_FIRST)), page).map(JpaNotificationOutbox::toDomain);
    }

    @Override
    public int purgeDelivered(Instant before) {
        // the rows' failure history first: it refers to them
        MapSqlParameterSource deliveredBefore = new MapSqlParameterSource("before", column(before));
        jdbc.update("DELETE FROM notification_attempt WHERE notification_id IN (SELECT id FROM notification_outbox"
                + " WHERE status = 'DELIVERED' AND delivered_at < :before)", deliveredBefore);
        return jdbc.update("DELETE FROM notification_outbox WHERE status = 'DELIVERED' AND delivered_at < :before",
                deliveredBefore);
    }

    @Override
    @Transactional(readOnly = true)
    public Backlog backlog(Instant now) {
        MapSqlParameterSource at = new MapSqlParameterSource("now", column(now));
        Long due = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status = 'PENDING'"
                + " AND next_attempt_at <= :now", at, Long.class);
        java.time.LocalDateTime oldest = jdbc.queryForObject("SELECT MIN(created_at) FROM notification_outbox"
                + " WHERE status = 'PENDING'", at, java.time.LocalDateTime.class);
        return new Backlog(repository.countByStatus(NotificationStatus.PENDING.name()), due == null ? 0 : due,
                repository.countByStatus(NotificationStatus.DEAD.name()), Optional.ofNullable(oldest).map(row -> instant(row)));
    }

    private static Specification<NotificationEntity> matching(NotificationStatus status, DeadNotificationFilter filter) {
        return (root, query, builder) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(builder.equal(root.get("status"), status.name()));
            if (filter.scheduleId() != null) {
                where.add(builder.equal(root.get("scheduleId"), filter.scheduleId().toString()));
            }
            if (filter.destination() != null) {
                where.add(builder.like(root.get("targetRedacted"), "%" + escape(filter.destination()) + "%", '\\'));
            }
            if (filter.from() != null) {
                where.add(builder.greaterThanOrEqualTo(root.get("createdAt"), column(filter.from())));
            }
            if (filter.to() != null) {
                where.add(builder.lessThan(root.get("createdAt"), column(filter.to())));
            }
            if (filter.errorContains() != null) {
                where.add(builder.like(root.get("lastError"), "%" + escape(filter.errorContains()) + "%", '\\'));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void copy(Notification notification, NotificationEntity row) {
        WebhookTarget target = notification.target();
        row.scheduleId = notification.scheduleId().toString();
        row.executionId = notification.executionId().map(ExecutionId::toString).orElse(null);
        row.targetUrl = target.url().reveal();
        row.targetRedacted = target.redacted();
        row.targetKind = target.kind().name();
        row.signingSecret = target.signingSecret().map(Secret::reveal).orElse(null);
        row.body = notification.text();
        row.createdAt = column(notification.createdAt());
        row.status = notification.status().name();
        row.attempts = notification.attempts();
        row.nextAttemptAt = column(notification.nextAttemptAt());
        row.lastError = notification.lastError().orElse(null);
        row.deliveredAt = column(notification.deliveredAt().orElse(null));
        row.retrySince = column(notification.retrySince());
        row.attemptsAtReplay = notification.attemptsAtReplay();
    }

    private static Notification toDomain(NotificationEntity row) {
        WebhookTarget target = WebhookTarget.of(row.targetUrl, WebhookKind.valueOf(row.targetKind), row.signingSecret,
                "target");
        return Notification.restore(new NotificationId(UUID.fromString(row.id)), ScheduleId.of(row.scheduleId),
                row.executionId == null ? null : new ExecutionId(UUID.fromString(row.executionId)), target, row.body,
                instant(row.createdAt), NotificationStatus.valueOf(row.status), row.attempts,
                instant(row.nextAttemptAt), row.lastError, instant(row.deliveredAt), instant(row.retrySince),
                row.attemptsAtReplay);
    }
}
