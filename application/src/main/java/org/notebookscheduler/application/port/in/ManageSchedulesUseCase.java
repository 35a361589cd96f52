package org.notebookscheduler.application.port.in;

import java.util.Optional;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * Schedule notebooks and workflows: create, change, delete, put online or offline, run now, and
 * look them up. The current user owns what they create and sees only their own, unless admin.
 */
public interface ManageSchedulesUseCase {

    /**
     * Creates the schedule offline, registered with the scheduler. Task entities are checked against
     * the host's catalog; a task without a commit runs the entity's latest commit at creation.
     */
    ScheduleView create(ScheduleDefinition definition);

    /** Refused while the schedule is online. */
    ScheduleView update(UpdateSchedule update);

    /** Refused while the schedule is online. The audit trail and execution history stay. */
    void delete(ScheduleId id);

    ScheduleView online(ScheduleId id);

    ScheduleView offline(ScheduleId id);

    /** Starts a run now; its id when the scheduler shows it in time. */
    java.util.Optional<org.notebookscheduler.domain.run.RunId> runNow(ScheduleId id);

    ScheduleView get(ScheduleId id);

    /** Newest first; {@code owner} null means the current user's (or everyone's, for an admin). */
    Page<ScheduleView> list(String owner, PageRequest page);

    Optional<ScheduleView> findByEntity(EntityType type, String entityId);
}
