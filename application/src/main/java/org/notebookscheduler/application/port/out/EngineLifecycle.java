package org.notebookscheduler.application.port.out;

import java.util.Optional;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;

/**
 * What an engine does with a schedule's definition: take it, change it, fire it on its cron or
 * not, drop it, run it now. Every change returns a {@link RemoteChange} whose undo puts the engine
 * back, so the store and the engine end both changed or both as they were. Failures are
 * {@link EngineException}s that say whether retrying can help.
 */
public interface EngineLifecycle {

    /**
     * Registers a new schedule with its tasks and cron, left offline. Idempotent: registering a
     * schedule that is already there (an earlier attempt got that far) brings that one up to date
     * instead of making a duplicate; a name held by anything else is refused with
     * {@code SCHEDULE_NAME_TAKEN}. A failure part-way leaves the engine as it was. The returned
     * change's {@link RemoteRef} names the engine.
     */
    RemoteChange register(Schedule schedule);

    /**
     * Replaces the remote definition and cron with the schedule's current ones; the schedule is
     * offline. Every change below first confirms that the linked remote object is this schedule's,
     * and throws {@link RemoteLinkLostException}, having written nothing, when it is not. A failure
     * part-way leaves the engine as it was.
     */
    RemoteChange update(Schedule schedule);

    RemoteChange online(Schedule schedule);

    RemoteChange offline(Schedule schedule);

    /** Removes the schedule; refused by the engine while online. Its undo recreates what was removed. */
    RemoteChange delete(Schedule schedule);

    /**
     * Starts a run now, outside the cron, with the schedule's run settings; the run's id when the
     * engine shows it within the operation's deadline (an engine may start it a moment later).
     */
    Optional<RunId> runNow(Schedule schedule);
}
