package org.notebookscheduler.adapters.persistence.schedule;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.notebookscheduler.adapters.persistence.Pages;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules in {@code schedule} and {@code schedule_task}. Every save moves the version column on,
 * and a save of a copy read at an older version is refused instead of overwriting what someone
 * else saved. The unique keys back the domain's one-schedule-per-entity and unique-name rules when
 * two creations race.
 */
@Repository
@Transactional
public class JpaScheduleStore implements ScheduleStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final ScheduleRepository repository;

    @PersistenceContext
    private EntityManager entityManager;

    public JpaScheduleStore(ScheduleRepository repository) {
        this.repository = repository;
    }

    @Override
    public Schedule save(Schedule schedule) {
        ScheduleEntity row = lockedRowAt(schedule.id(), schedule.version());
        try {
            if (row == null) {
                row = new ScheduleEntity(schedule.id().toString());
                ScheduleMapper.copyFields(schedule, row);
                addTasks(schedule.definition().tasks(), row);
                entityManager.persist(row);
            } else {
                row.version++;
                ScheduleMapper.copyFields(schedule, row);
                replaceTasksIfChanged(schedule, row);
            }
            entityManager.flush();
        } catch (PersistenceException e) {
            throw refusalFor(e).orElseThrow(() -> e);
        }
        return ScheduleMapper.toDomain(row);
    }

    @Override
    public void lockForChange(ScheduleId id, long version) {
        List<?> versions;
        try {
            versions = entityManager.createNativeQuery("SELECT version FROM schedule WHERE id = ? FOR UPDATE")
                    .setParameter(1, id.toString()).getResultList();
        } catch (PessimisticLockException | LockTimeoutException | QueryTimeoutException busy) {
            // the other change held the row longer than the database waits: that change wins
            throw new RefusedException(ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED, "version", "schedule " + id
                    + " is being changed by another request; reload it and try again");
        }
        if (versions.isEmpty()) {
            throw new RefusedException(ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId", "no schedule " + id);
        }
        if (((Number) versions.get(0)).longValue() != version) {
            throw concurrentlyModified(id);
        }
    }

    /**
     * Locks the schedule's row and checks that it is still at the version the change was made
     * from, so no other save can slip in between the comparison and the write; then the row as
     * last committed. The lock is plain SQL rather than a JPA lock mode: Hibernate renders that as
     * {@code FOR UPDATE OF alias}, which MariaDB refuses when it is reached through MySQL's driver.
     *
     * <p>A new schedule's row is not locked: on MySQL and MariaDB a locking read of an absent key
     * locks the gap where it would go, every concurrent creation landing in that gap takes the same
     * lock, and each one's insert then waits for the others' (a deadlock, one in a few dozen with
     * four creators). A new id is this save's alone, and its primary key keeps it so.
     *
     * <p>The version that counts is the locking read's: it is the last committed one. A plain read
     * (the entity) sees the transaction's snapshot, which on MySQL and MariaDB (repeatable read)
     * may predate a commit the lock waited for; a row that differs from the locked version even
     * after a refresh is refused as a conflict rather than written from stale fields.
     */
    private ScheduleEntity lockedRowAt(ScheduleId id, long expectedVersion) {
        boolean stored = !entityManager.createNativeQuery("SELECT 1 FROM schedule WHERE id = ?")
                .setParameter(1, id.toString()).getResultList().isEmpty();
        if (!stored) {
            return null;
        }
        List<?> versions = entityManager.createNativeQuery("SELECT version FROM schedule WHERE id = ? FOR UPDATE")
                .setParameter(1, id.toString()).getResultList();
        if (versions.isEmpty()) {
            throw new RefusedException(ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId", "schedule " + id
                    + " was deleted while this change was being made");
        }
        long locked = ((Number) versions.get(0)).longValue();
        if (locked != expectedVersion) {
            throw concurrentlyModified(id);
        }
        ScheduleEntity row = entityManager.find(ScheduleEntity.class, id.toString());
        if (row.version != locked) {
            entityManager.refresh(row);
        }
        if (row.version != locked) {
            throw concurrentlyModified(id);
        }
        return row;
    }

    /**
     * Rows are replaced rather than edited when the tasks change, with the old ones flushed away
     * first: a task that keeps its entity under a new name would otherwise break the unique key
     * for the moment between insert and delete.
     */
    private void replaceTasksIfChanged(Schedule schedule, ScheduleEntity row) {
        List<ScheduledTask> stored = ScheduleMapper.tasks(row);
        if (stored.equals(schedule.definition().tasks())) {
            return;
        }
        row.tasks.clear();
        entityManager.flush();
        addTasks(schedule.definition().tasks(), row);
    }

    private static void addTasks(List<ScheduledTask> tasks, ScheduleEntity row) {
        for (int i = 0; i < tasks.size(); i++) {
            row.tasks.add(ScheduleMapper.toRow(tasks.get(i), i, row));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Schedule> findById(ScheduleId id) {
        // tasks and destinations in the row's statement; the tasks' upstream names and parameters
        // follow in one statement each. Read on every callback and every embedded run, where each
        // statement saved is a round trip. Fetch joins, not an entity graph: Hibernate caches the
        // SQL it translates a query to only when no graph is applied, and translating it again was
        // a tenth of a callback's CPU.
        return entityManager.createQuery("select s from ScheduleEntity s left join fetch s.tasks"
                + " left join fetch s.destinations where s.id = :id", ScheduleEntity.class)
                .setParameter("id", id.toString())
                .getResultStream().findFirst().map(ScheduleMapper::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Schedule> findByEntity(EntityType type, String entityId) {
        return holding(type, List.of(entityId)).stream().findFirst().map(ScheduleMapper::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Schedule> findByOwnerAndName(String owner, String name) {
        return repository.findByOwnerAndNameKey(owner, ScheduleMapper.nameKey(name)).map(ScheduleMapper::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Schedule> findHoldingAny(List<EntityRef> entities) {
        Map<EntityType, List<String>> idsByType = entities.stream().collect(
                Collectors.groupingBy(EntityRef::type, Collectors.mapping(EntityRef::id, Collectors.toList())));
        return idsByType.entrySet().stream()
                .flatMap(entry -> holding(entry.getKey(), entry.getValue()).stream())
                .distinct().map(ScheduleMapper::toDomain).toList();
    }

    private List<ScheduleEntity> holding(EntityType type, List<String> entityIds) {
        return entityManager.createQuery("select distinct t.schedule from ScheduleTaskEntity t"
                + " where t.entityType = :type and t.entityId in :ids", ScheduleEntity.class)
                .setParameter("type", type.name()).setParameter("ids", entityIds).getResultList();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Schedule> findByOwner(String owner, PageRequest page) {
        var pageable = Pages.of(page, NEWEST_FIRST);
        var rows = owner == null ? repository.findAll(pageable) : repository.findByOwner(owner, pageable);
        return Pages.from(rows, page).map(ScheduleMapper::toDomain);
    }

    @Override
    public void delete(ScheduleId id) {
        repository.findById(id.toString()).ifPresent(row -> {
            repository.delete(row);
            entityManager.flush();
        });
    }

    private static RefusedException concurrentlyModified(ScheduleId id) {
        return new RefusedException(ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED, "version",
                "schedule " + id + " was changed by someone else; reload it and try again");
    }

    /** A unique key that caught a race the domain's checks could not see. */
    private static Optional<RefusedException> refusalFor(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                String constraint = String.valueOf(violation.getConstraintName()).toLowerCase(Locale.ROOT)
                        + " " + String.valueOf(violation.getMessage()).toLowerCase(Locale.ROOT);
                if (constraint.contains("uk_schedule_owner_name")) {
                    return Optional.of(new RefusedException(ErrorCode.SCHEDULE_NAME_TAKEN, "name",
                            "the owner already has a schedule of that name"));
                }
                if (constraint.contains("uk_schedule_task_entity")) {
                    return Optional.of(new RefusedException(ErrorCode.ENTITY_ALREADY_SCHEDULED, "tasks",
                            "one of the tasks' entities is already scheduled by another schedule"));
                }
            }
        }
        return Optional.empty();
    }
}
