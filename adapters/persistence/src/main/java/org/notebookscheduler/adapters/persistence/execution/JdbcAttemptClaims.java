package org.notebookscheduler.adapters.persistence.execution;

import java.time.Instant;
import org.notebookscheduler.adapters.persistence.UtcTime;
import org.notebookscheduler.application.port.out.AttemptClaims;
import org.notebookscheduler.adapters.persistence.InsertIfAbsent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims in {@code execution_claim}: the primary key lets one insert win; a loser may take the row
 * over only by a conditional update that finds its lease run out, which again only one can win.
 */
@Repository
public class JdbcAttemptClaims implements AttemptClaims {

    private final JdbcTemplate jdbc;

    public JdbcAttemptClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claim(Attempt attempt, Instant now, Instant leaseUntil) {
        if (InsertIfAbsent.insert(jdbc, "INSERT INTO execution_claim (schedule_id, task_name, run_key, attempt,"
                + " lease_until) VALUES (?, ?, ?, ?, ?)", attempt.scheduleId().toString(), attempt.taskName(),
                attempt.runKey(), attempt.number(), UtcTime.column(leaseUntil))) {
            return true;
        }
        return jdbc.update("UPDATE execution_claim SET lease_until = ? WHERE schedule_id = ? AND task_name = ?"
                + " AND run_key = ? AND attempt = ? AND lease_until < ?", UtcTime.column(leaseUntil),
                attempt.scheduleId().toString(), attempt.taskName(), attempt.runKey(), attempt.number(),
                UtcTime.column(now)) == 1;
    }

    @Override
    @Transactional
    public void release(Attempt attempt) {
        jdbc.update("DELETE FROM execution_claim WHERE schedule_id = ? AND task_name = ? AND run_key = ? AND attempt = ?",
                attempt.scheduleId().toString(), attempt.taskName(), attempt.runKey(), attempt.number());
    }
}
