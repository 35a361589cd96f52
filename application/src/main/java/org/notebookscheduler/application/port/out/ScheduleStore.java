package org.notebookscheduler.application.port.out;

import java.util.List;
import java.util.Optional;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * Where schedules are kept. Every lookup is answered here, never by scanning the remote scheduler.
 */
public interface ScheduleStore {

    /**
     * Inserts a new schedule or updates a stored one, and returns it at its new version. Refuses
     * with {@code SCHEDULE_CONCURRENTLY_MODIFIED} when the stored version is newer than the one
     * the schedule was read at, so that two edits never silently overwrite each other.
     */
    Schedule save(Schedule schedule);

    Optional<Schedule> findById(ScheduleId id);

    /**
     * Holds the stored schedule for a change until the surrounding transaction ends, so that two
     * changes of one schedule, on any instance, reach the remote scheduler one after the other.
     * Refuses with {@code SCHEDULE_CONCURRENTLY_MODIFIED} when the stored version is no longer
     * {@code version} (another change got there first), {@code SCHEDULE_NOT_FOUND} when it is gone.
     */
    void lockForChange(ScheduleId id, long version);

    Optional<Schedule> findByEntity(EntityType type, String entityId);

    Optional<Schedule> findByOwnerAndName(String owner, String name);

    /** The schedules that already hold one of these entities, for the one-schedule-per-entity rule. */
    List<Schedule> findHoldingAny(List<EntityRef> entities);

    /** Newest first; a null owner lists everyone's. */
    Page<Schedule> findByOwner(String owner, PageRequest page);

    void delete(ScheduleId id);
}
