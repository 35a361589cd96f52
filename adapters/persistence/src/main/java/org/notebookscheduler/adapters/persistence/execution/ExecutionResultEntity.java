package org.notebookscheduler.adapters.persistence.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.notebookscheduler.adapters.persistence.Columns;

/** A row of {@code execution_result}. */
@Entity
@Table(name = "execution_result")
public class ExecutionResultEntity {

    @Id
    @Column(length = 36)
    String id;

    @Column(name = "schedule_id", nullable = false, length = 36)
    String scheduleId;

    @Column(name = "schedule_name", nullable = false)
    String scheduleName;

    @Column(nullable = false)
    String owner;

    @Column(name = "task_name", nullable = false)
    String taskName;

    @Column(name = "entity_type", nullable = false, length = 16)
    String entityType;

    @Column(name = "entity_id", nullable = false, length = 128)
    String entityId;

    @Column(name = "entity_name", nullable = false)
    String entityName;

    @Column(name = "run_key", nullable = false, length = 128)
    String runKey;

    @Column(nullable = false)
    int attempt;

    @Column(nullable = false, length = 16)
    String status;

    @Column(name = "executed_by", nullable = false)
    String executedBy;

    @Column(name = "started_at", nullable = false)
    LocalDateTime startedAt;

    @Column(name = "finished_at", nullable = false)
    LocalDateTime finishedAt;

    @Column(length = Columns.LONG_TEXT)
    String message;

    @Column(name = "run_id", length = 64)
    String runId;

    @Column(name = "task_run_id", length = 64)
    String taskRunId;
}
