package org.notebookscheduler.application.port.out;

import java.util.List;
import java.util.Optional;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;

/**
 * The engine that fires schedules and runs their tasks (DolphinScheduler 1.3.9, or the embedded
 * engine). Failures are {@link SchedulerGatewayException}s that say whether retrying can help.
 */
public interface SchedulerGateway {

    /** The name recorded in {@link RemoteRef#scheduler()}. */
    String name();

    /**
     * Registers a new schedule with its tasks and cron, left offline. Idempotent: registering a
     * schedule that is already there (an earlier attempt got that far) brings that one up to date
     * instead of making a duplicate; a name held by anything else is refused with
     * {@code SCHEDULE_NAME_TAKEN}. A failure part-way leaves the engine as it was.
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

    /**
     * The engine's run that a callback of {@code taskName} comes from: the running instance of the
     * schedule whose task of that name is running now. Empty when the engine cannot tell (or cannot
     * be asked); the callback then keys the run by what it sent.
     *
     * @param sentRunKey the run key the callback carried (a scheduled run's fire time), a hint
     */
    Optional<CallerRun> callerRun(Schedule schedule, String taskName, String sentRunKey);

    /**
     * @param runId     the engine's run (DolphinScheduler's process instance)
     * @param runKey    what makes it one run: the same for the retries of a task inside that run, new
     *                  when the run is repeated or its failed tasks are rerun
     * @param taskRunId the task's run within it (its task instance), whose log this attempt writes
     */
    record CallerRun(String runId, String runKey, String taskRunId) {
    }

    /** Newest first. */
    Page<Run> runs(RemoteRef ref, PageRequest page);

    /** Throws a {@link SchedulerGatewayException} with {@code notFound} when the run is not one of {@code ref}'s. */
    RunDetail run(RemoteRef ref, RunId runId);

    String taskLog(RemoteRef ref, RunId runId, String taskRunId);

    void command(RemoteRef ref, RunId runId, RunCommand command);

    /**
     * How the remote side differs from {@code schedule} as stored here: each change names the
     * field, what the store says and what the engine holds. Empty when they agree. A schedule whose
     * remote definition is gone shows as a change of {@code remote.definition} to null.
     */
    List<FieldChange> drift(Schedule schedule);
}
