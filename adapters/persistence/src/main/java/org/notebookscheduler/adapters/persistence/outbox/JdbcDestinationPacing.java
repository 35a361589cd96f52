package org.notebookscheduler.adapters.persistence.outbox;

import static org.notebookscheduler.adapters.persistence.UtcTime.column;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.adapters.persistence.UtcTime;
import org.notebookscheduler.application.port.out.DestinationPacing;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pacing in {@code destination_pace}: a slot is taken by a conditional update that only one relay
 * wins (or by the insert of a robot's first row), so relays on every instance share one pace.
 */
@Repository
public class JdbcDestinationPacing implements DestinationPacing {

    private final JdbcTemplate jdbc;

    public JdbcDestinationPacing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Instant> reserve(String destination, Instant now, Duration interval) {
        LocalDateTime next = column(now.plus(interval));
        if (jdbc.update("UPDATE destination_pace SET free_at = ? WHERE destination = ? AND free_at <= ?", next,
                destination, column(now)) == 1) {
            return Optional.empty();
        }
        try {
            jdbc.update("INSERT INTO destination_pace (destination, free_at) VALUES (?, ?)", destination, next);
            return Optional.empty();
        } catch (DuplicateKeyException exists) {
            List<LocalDateTime> free = jdbc.queryForList("SELECT free_at FROM destination_pace WHERE destination = ?",
                    LocalDateTime.class, destination);
            return free.stream().findFirst().map(UtcTime::instant).filter(at -> at.isAfter(now))
                    .or(() -> Optional.of(now.plus(interval)));
        }
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void holdUntil(String destination, Instant until) {
        if (jdbc.update("UPDATE destination_pace SET free_at = ? WHERE destination = ? AND free_at < ?",
                column(until), destination, column(until)) == 0) {
            try {
                jdbc.update("INSERT INTO destination_pace (destination, free_at) VALUES (?, ?)", destination,
                        column(until));
            } catch (DuplicateKeyException heldLonger) {
                // another relay holds it at least as long already
            }
        }
    }
}
