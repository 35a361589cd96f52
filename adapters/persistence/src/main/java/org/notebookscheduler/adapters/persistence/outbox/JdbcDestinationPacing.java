package org.notebookscheduler.adapters.persistence.outbox;

import static org.notebookscheduler.adapters.persistence.UtcTime.column;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.adapters.persistence.InsertIfAbsent;
import org.notebookscheduler.adapters.persistence.UtcTime;
import org.notebookscheduler.application.port.out.DestinationPacing;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pacing in {@code destination_pace}: a slot is taken by a conditional update that only one relay
 * wins (or by the insert of a robot's first row), so relays on every instance share one pace.
 */
@Repository
public class JdbcDestinationPacing implements DestinationPacing {

    /** How long an unpaced robot's message waits when two relays met on its row at once. */
    private static final Duration CONTENDED = Duration.ofMillis(100);

    private final JdbcTemplate jdbc;

    public JdbcDestinationPacing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * READ COMMITTED, so that looking for a robot's missing row takes no gap lock: with gap locks,
     * two relays inserting the same robot's first row deadlock on MariaDB. A relay that still meets
     * another on the same slot treats the robot as busy for one interval.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public Optional<Instant> reserve(String destination, Instant now, Duration interval) {
        try {
            return interval.isZero() ? heldUntil(destination, now) : take(destination, now, interval);
        } catch (ConcurrencyFailureException contended) {
            return Optional.of(now.plus(interval.isZero() ? CONTENDED : interval));
        }
    }

    /** An unpaced robot takes no slot; only a hold after a failure keeps it waiting. */
    private Optional<Instant> heldUntil(String destination, Instant now) {
        return jdbc.queryForList("SELECT free_at FROM destination_pace WHERE destination = ?", LocalDateTime.class,
                destination).stream().findFirst().map(UtcTime::instant).filter(at -> at.isAfter(now));
    }

    private Optional<Instant> take(String destination, Instant now, Duration interval) {
        LocalDateTime next = column(now.plus(interval));
        if (jdbc.update("UPDATE destination_pace SET free_at = ? WHERE destination = ? AND free_at <= ?", next,
                destination, column(now)) == 1) {
            return Optional.empty();
        }
        if (InsertIfAbsent.insert(jdbc, "INSERT INTO destination_pace (destination, free_at) VALUES (?, ?)",
                destination, next)) {
            return Optional.empty();
        }
        List<LocalDateTime> free = jdbc.queryForList("SELECT free_at FROM destination_pace WHERE destination = ?",
                LocalDateTime.class, destination);
        return free.stream().findFirst().map(UtcTime::instant).filter(at -> at.isAfter(now))
                .or(() -> Optional.of(now.plus(interval)));
    }

    /** Lengthens the hold (never shortens it), then marks the robot failing unless it already is. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public boolean holdUntil(String destination, Instant until, Instant now) {
        if (jdbc.update("UPDATE destination_pace SET free_at = ? WHERE destination = ? AND free_at < ?",
                column(until), destination, column(until)) == 0) {
            if (InsertIfAbsent.insert(jdbc, "INSERT INTO destination_pace (destination, free_at, failing_since)"
                    + " VALUES (?, ?, ?)", destination, column(until), column(now))) {
                return true;
            }
            // another relay holds it at least as long already
        }
        return jdbc.update("UPDATE destination_pace SET failing_since = ? WHERE destination = ?"
                + " AND failing_since IS NULL", column(now), destination) == 1;
    }

    /** Reads the mark first, so that a robot that was not failing costs no write. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW, isolation = Isolation.READ_COMMITTED)
    public Optional<Instant> recovered(String destination) {
        Optional<LocalDateTime> since = jdbc.queryForList("SELECT failing_since FROM destination_pace"
                + " WHERE destination = ? AND failing_since IS NOT NULL", LocalDateTime.class, destination)
                .stream().findFirst();
        if (since.isEmpty() || jdbc.update("UPDATE destination_pace SET failing_since = NULL WHERE destination = ?"
                + " AND failing_since = ?", destination, since.get()) == 0) {
            return Optional.empty();
        }
        return since.map(UtcTime::instant);
    }
}
