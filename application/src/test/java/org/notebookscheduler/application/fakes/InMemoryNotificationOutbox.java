package org.notebookscheduler.application.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.out.DeadNotificationFilter;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.notification.FailedAttempt;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationId;
import org.notebookscheduler.domain.notification.NotificationStatus;

/** The outbox in memory, with the same claim-and-lease rules as the table. */
public final class InMemoryNotificationOutbox implements NotificationOutbox, TransactionalFake {

    private record Row(Notification notification, String claimant, Instant leaseUntil) {
    }

    private final Map<NotificationId, Row> rows = new LinkedHashMap<>();
    private final Map<NotificationId, List<FailedAttempt>> failures = new LinkedHashMap<>();
    private final Faults faults = new Faults();

    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized void enqueue(Notification notification) {
        faults.check("enqueue");
        rows.put(notification.id(), new Row(copy(notification), null, null));
        recordFailure(notification);
    }

    private void recordFailure(Notification notification) {
        notification.newFailure().ifPresent(failure ->
                failures.computeIfAbsent(notification.id(), id -> new ArrayList<>()).add(failure));
    }

    @Override
    public synchronized List<FailedAttempt> failures(NotificationId id) {
        return List.copyOf(failures.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<Notification> claimDue(String claimant, Instant now, Duration lease, int limit) {
        List<Row> due = rows.values().stream()
                .filter(row -> row.notification().status() == NotificationStatus.PENDING)
                .filter(row -> !row.notification().nextAttemptAt().isAfter(now))
                .filter(row -> row.leaseUntil() == null || !row.leaseUntil().isAfter(now))
                .sorted(Comparator.comparing((Row row) -> row.notification().nextAttemptAt())
                        .thenComparing(row -> row.notification().createdAt()))
                .limit(limit).toList();
        List<Notification> claimed = new ArrayList<>();
        for (Row row : due.stream().sorted(Comparator.comparing((Row row) -> row.notification().createdAt())).toList()) {
            rows.put(row.notification().id(), new Row(row.notification(), claimant, now.plus(lease)));
            claimed.add(copy(row.notification()));
        }
        return claimed;
    }

    @Override
    public synchronized boolean complete(Notification notification, String claimant) {
        faults.check("update");
        Row row = rows.get(notification.id());
        if (row == null || row.notification().status() != NotificationStatus.PENDING
                || !claimant.equals(row.claimant())) {
            return false;
        }
        rows.put(notification.id(), new Row(copy(notification), null, null));
        recordFailure(notification);
        return true;
    }

    @Override
    public synchronized boolean replay(NotificationId id, Instant now) {
        faults.check("update");
        Row row = rows.get(id);
        if (row == null || row.notification().status() != NotificationStatus.DEAD) {
            return false;
        }
        Notification replayed = copy(row.notification());
        replayed.replay(now);
        rows.put(id, new Row(replayed, null, null));
        return true;
    }

    @Override
    public synchronized Optional<Notification> findById(NotificationId id) {
        return Optional.ofNullable(rows.get(id)).map(row -> copy(row.notification()));
    }

    @Override
    public synchronized Page<Notification> findDead(DeadNotificationFilter filter, PageRequest page) {
        return find(NotificationStatus.DEAD, filter, page);
    }

    @Override
    public synchronized Page<Notification> findPending(DeadNotificationFilter filter, PageRequest page) {
        return find(NotificationStatus.PENDING, filter, page);
    }

    private Page<Notification> find(NotificationStatus status, DeadNotificationFilter filter, PageRequest page) {
        return Page.of(rows.values().stream().map(Row::notification)
                .filter(notification -> notification.status() == status)
                .filter(notification -> matches(filter, notification))
                .sorted(Comparator.comparing(Notification::createdAt))
                .map(InMemoryNotificationOutbox::copy).toList(), page);
    }

    private static boolean matches(DeadNotificationFilter filter, Notification notification) {
        return (filter.scheduleId() == null || filter.scheduleId().equals(notification.scheduleId()))
                && (filter.destination() == null || notification.target().redacted().contains(filter.destination()))
                && (filter.from() == null || !notification.createdAt().isBefore(filter.from()))
                && (filter.to() == null || notification.createdAt().isBefore(filter.to()))
                && (filter.errorContains() == null
                        || notification.lastError().orElse("").contains(filter.errorContains()));
    }

    @Override
    public synchronized int purgeDelivered(Instant before) {
        List<NotificationId> purged = rows.values().stream().map(Row::notification)
                .filter(notification -> notification.status() == NotificationStatus.DELIVERED)
                .filter(notification -> notification.deliveredAt().orElseThrow().isBefore(before))
                .map(Notification::id).toList();
        purged.forEach(rows::remove);
        purged.forEach(failures::remove);
        return purged.size();
    }

    @Override
    public synchronized Backlog backlog(Instant now) {
        List<Notification> pending = rows.values().stream().map(Row::notification)
                .filter(notification -> notification.status() == NotificationStatus.PENDING).toList();
        List<Notification> due = pending.stream().filter(notification -> !notification.nextAttemptAt().isAfter(now))
                .toList();
        long dead = rows.values().stream().filter(row -> row.notification().status() == NotificationStatus.DEAD)
                .count();
        return new Backlog(pending.size(), due.size(), dead,
                pending.stream().map(Notification::createdAt).min(Comparator.naturalOrder()));
    }

    /** Every row, in the order enqueued. */
    public synchronized List<Notification> all() {
        return rows.values().stream().map(row -> copy(row.notification())).toList();
    }

    @Override
    public synchronized Object snapshot() {
        Map<NotificationId, List<FailedAttempt>> histories = new LinkedHashMap<>();
        failures.forEach((id, history) -> histories.put(id, new ArrayList<>(history)));
        return List.of(new LinkedHashMap<>(rows), histories);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        List<Map<NotificationId, ?>> both = (List<Map<NotificationId, ?>>) snapshot;
        rows.clear();
        rows.putAll((Map<NotificationId, Row>) both.get(0));
        failures.clear();
        failures.putAll((Map<NotificationId, List<FailedAttempt>>) both.get(1));
    }

    private static Notification copy(Notification n) {
        return Notification.restore(n.id(), n.scheduleId(), n.executionId().orElse(null), n.target(), n.text(),
                n.createdAt(), n.status(), n.attempts(), n.nextAttemptAt(), n.lastError().orElse(null),
                n.deliveredAt().orElse(null), n.retrySince(), n.attemptsAtReplay());
    }
}
