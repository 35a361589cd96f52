package org.notebookscheduler.adapters.persistence.execution;

import static org.notebookscheduler.adapters.persistence.UtcTime.column;
import static org.notebookscheduler.adapters.persistence.UtcTime.instant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.notebookscheduler.adapters.persistence.Pages;
import org.notebookscheduler.application.port.out.ExecutionQuery;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Execution history in {@code execution_result}: written once per attempt, queried newest first. */
@Repository
@Transactional
public class JpaExecutionStore implements ExecutionStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("id"));

    private final ExecutionResultRepository repository;

    @PersistenceContext
    private EntityManager entityManager;

    public JpaExecutionStore(ExecutionResultRepository repository) {
        this.repository = repository;
    }

    @Override
    public void save(ExecutionResult result) {
        ExecutionResultEntity row = new ExecutionResultEntity();
        row.id = result.id().toString();
        row.scheduleId = result.scheduleId().toString();
        row.scheduleName = result.scheduleName();
        row.owner = result.owner();
        row.taskName = result.taskName();
        row.entityType = result.entity().type().name();
        row.entityId = result.entity().id();
        row.entityName = result.entity().name();
        row.runKey = result.runKey();
        row.attempt = result.attempt();
        row.status = result.status().name();
        row.executedBy = result.executedBy();
        row.startedAt = column(result.startedAt());
        row.finishedAt = column(result.finishedAt());
        row.message = result.message();
        row.runId = result.runId();
        row.taskRunId = result.taskRunId();
        try {
            // persist, not save: an assigned id makes save() look for the row first, a SELECT per attempt
            entityManager.persist(row);
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            throw new RefusedException(ErrorCode.ATTEMPT_ALREADY_RECORDED, "attempt", "attempt " + result.attempt()
                    + " of task '" + result.taskName() + "' in run " + result.runKey() + " is recorded already");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExecutionResult> findAttempts(ScheduleId scheduleId, String taskName, String runKey) {
        return repository.findByScheduleIdAndTaskNameAndRunKeyOrderByAttemptAsc(scheduleId.toString(), taskName, runKey)
                .stream().map(JpaExecutionStore::toDomain).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ExecutionResult> search(ExecutionQuery query, PageRequest page) {
        return Pages.from(repository.findAll(matching(query), Pages.of(page, NEWEST_FIRST)), page)
                .map(JpaExecutionStore::toDomain);
    }

    private static Specification<ExecutionResultEntity> matching(ExecutionQuery query) {
        return (root, criteria, builder) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.scheduleId() != null) {
                where.add(builder.equal(root.get("scheduleId"), query.scheduleId().toString()));
            }
            if (query.entityType() != null) {
                where.add(builder.equal(root.get("entityType"), query.entityType().name()));
            }
            if (query.entityId() != null) {
                where.add(builder.equal(root.get("entityId"), query.entityId()));
            }
            if (query.owner() != null) {
                where.add(builder.equal(root.get("owner"), query.owner()));
            }
            if (query.status() != null) {
                where.add(builder.equal(root.get("status"), query.status().name()));
            }
            if (query.from() != null) {
                where.add(builder.greaterThanOrEqualTo(root.get("startedAt"), column(query.from())));
            }
            if (query.to() != null) {
                where.add(builder.lessThan(root.get("startedAt"), column(query.to())));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
    }

    private static ExecutionResult toDomain(ExecutionResultEntity row) {
        return new ExecutionResult(new ExecutionId(java.util.UUID.fromString(row.id)), ScheduleId.of(row.scheduleId),
                row.scheduleName, row.owner, row.taskName,
                new EntityRef(EntityType.valueOf(row.entityType), row.entityId, row.entityName), row.runKey,
                row.attempt, ExecutionStatus.valueOf(row.status), row.executedBy, instant(row.startedAt),
                instant(row.finishedAt), row.message, row.runId, row.taskRunId);
    }
}
