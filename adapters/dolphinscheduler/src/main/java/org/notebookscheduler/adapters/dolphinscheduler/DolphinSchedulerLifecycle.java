package org.notebookscheduler.adapters.dolphinscheduler;

import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.READ;
import static org.notebookscheduler.adapters.dolphinscheduler.Calls.Safety.WRITE;
import static org.notebookscheduler.adapters.dolphinscheduler.Session.OFFLINE;
import static org.notebookscheduler.adapters.dolphinscheduler.Session.ONLINE;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.notebookscheduler.adapters.dolphinscheduler.api.DolphinSchedulerApi;
import org.notebookscheduler.adapters.dolphinscheduler.api.Envelope;
import org.notebookscheduler.adapters.dolphinscheduler.api.Rows;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.EngineLifecycle;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.EngineException.Kind;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of a schedule on DolphinScheduler 1.3.9, following the one that works there:
 * a process is saved offline, released online for its cron schedule to be created, and released
 * offline again; the user puts it online later.
 *
 * <p>Every change runs the same way: look the project up, confirm the linked process is this
 * schedule's ({@link Session#owned}), take a {@link RemoteState} of what is there, make the change,
 * and on any failure put that state back before answering. The returned {@link RemoteChange} puts
 * it back later too, when the caller's own write fails. Each operation, undo included, answers
 * within the configured deadline.
 */
final class DolphinSchedulerLifecycle implements EngineLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DolphinSchedulerLifecycle.class);
    private static final int NAME_TAKEN = 10106;
    private static final int CREATE_FAILED = 10105;
    private static final int RELEASE_UNCHANGED = 10126;

    private final DolphinSchedulerApi api;
    private final DolphinSchedulerSettings settings;
    private final Calls calls;
    private final DolphinSchedulerRuns runs;

    DolphinSchedulerLifecycle(DolphinSchedulerApi api, Calls calls, DolphinSchedulerSettings settings,
            DolphinSchedulerRuns runs) {
        this.settings = settings;
        this.api = api;
        this.calls = calls;
        this.runs = runs;
    }

    @Override
    public RemoteChange register(Schedule schedule) {
        ProcessDefinition definition = ProcessDefinition.of(schedule, settings);
        return Deadline.within(settings.deadline(), () -> {
            Session session = Session.creatingProject(api, calls, settings.project());
            Optional<Rows.ProcessDetail> earlier = earlierAttempt(session, schedule, definition);
            RemoteState before = earlier.map(process -> RemoteState.of(session, process, schedule.id()))
                    .orElse(RemoteState.absent(schedule.id(), definition.name()));
            RemoteRef ref = changeOrRestore(session, before, () -> {
                long processId;
                if (earlier.isPresent()) {
                    processId = earlier.get().id();
                    session.release(processId, OFFLINE);
                    putDefinition(session, processId, definition);
                } else {
                    processId = save(session, schedule, definition);
                }
                // a process just saved has no cron schedule; an earlier attempt's were read for the snapshot
                return publishCron(session, processId, schedule, definition, before.crons());
            });
            return change(ref, before);
        });
    }

    /**
     * The process an earlier attempt to register this schedule left (its description carries the
     * schedule id), which is brought up to date; a name held by anything else is refused, never
     * taken over.
     */
    private Optional<Rows.ProcessDetail> earlierAttempt(Session session, Schedule schedule,
            ProcessDefinition definition) {
        Envelope<Void> verified = calls.envelope("process/verify-name", READ,
                () -> api.verifyProcessName(session.project, definition.name()));
        if (verified.succeeded()) {
            return Optional.empty();
        }
        if (verified.code() != NAME_TAKEN) {
            throw calls.refusal("process/verify-name", verified);
        }
        return Optional.of(session.ownedByName(definition.name(), schedule.id())
                .orElseThrow(() -> nameTaken(definition.name())));
    }

    private long save(Session session, Schedule schedule, ProcessDefinition definition) {
        Envelope<Void> saved = calls.envelope("process/save", WRITE, () -> api.saveProcess(session.project,
                definition.name(), definition.json(), definition.locations(), definition.connects(),
                definition.description()));
        if (!saved.succeeded()) {
            // 10105 is all the server says of a duplicate name: another create of the same name won the race
            if (saved.code() == CREATE_FAILED && !session.processesNamed(definition.name()).isEmpty()) {
                throw nameTaken(definition.name());
            }
            throw calls.failure("process/save", saved);
        }
        return session.ownedByName(definition.name(), schedule.id()).map(Rows.ProcessDetail::id)
                .orElseThrow(() -> new EngineException(Kind.UNAVAILABLE, "process/list-paging",
                        "process '" + definition.name() + "' was saved but cannot be found"));
    }

    private static RefusedException nameTaken(String processName) {
        return new RefusedException(ErrorCode.SCHEDULE_NAME_TAKEN, "name", "DolphinScheduler already has a process"
                + " named '" + processName + "' that is not this schedule's; choose another name");
    }

    @Override
    public RemoteChange update(Schedule schedule) {
        ProcessDefinition definition = ProcessDefinition.of(schedule, settings);
        return linked(schedule, (session, process, before) -> {
            session.release(process.id(), OFFLINE);
            putDefinition(session, process.id(), definition);
            return publishCron(session, process.id(), schedule, definition, before.crons());
        });
    }

    @Override
    public RemoteChange online(Schedule schedule) {
        return linked(schedule, (session, process, before) -> {
            session.release(process.id(), ONLINE);
            long cronId = before.crons().isEmpty() ? upsertCron(session, process.id(), schedule,
                    ProcessDefinition.of(schedule, settings), before.crons()) : before.crons().get(0).id();
            Envelope<Void> answer = calls.envelope("schedule/online", WRITE,
                    () -> api.onlineSchedule(session.project, cronId));
            if (!answer.succeeded() && answer.code() != RELEASE_UNCHANGED) {
                throw calls.failure("schedule/online", answer);
            }
            return ref(process.id(), cronId);
        });
    }

    /** Releasing the process offline takes its cron schedules offline too. */
    @Override
    public RemoteChange offline(Schedule schedule) {
        return linked(schedule, (session, process, before) -> {
            session.release(process.id(), OFFLINE);
            return schedule.remote().orElseThrow();
        });
    }

    @Override
    public RemoteChange delete(Schedule schedule) {
        return linked(schedule, (session, process, before) -> {
            session.release(process.id(), OFFLINE);
            session.deleteProcess(process.id());
            return schedule.remote().orElseThrow();
        });
    }

    /**
     * A run needs the process online; releasing it does not put its cron schedule online, so the
     * schedule still fires only when its owner said so. The process stays online for the run.
     */
    @Override
    public Optional<RunId> runNow(Schedule schedule) {
        RunSettings run = schedule.definition().runSettings();
        AtomicReference<Optional<RunId>> started = new AtomicReference<>(Optional.empty());
        linked(schedule, (session, process, before) -> {
            session.release(process.id(), ONLINE);
            started.set(runs.startAndFind(schedule.remote().orElseThrow(), () -> calls.data(
                    "executors/start-process-instance", WRITE, () -> api.startProcess(session.project, process.id(),
                            run.failureStrategy().name(), run.warningType().name(), run.warningGroupId(),
                            run.priority().name(), run.workerGroup()))));
            return schedule.remote().orElseThrow();
        });
        return started.get();
    }

    /** A change of a linked schedule: its project, its own process, a state to restore, the change. */
    private RemoteChange linked(Schedule schedule, Step step) {
        RemoteRef ref = schedule.remote().orElseThrow();
        return Deadline.within(settings.deadline(), () -> {
            Session session = Session.ofLink(api, calls, ref);
            Rows.ProcessDetail process = session.owned(schedule);
            RemoteState before = RemoteState.of(session, process, schedule.id());
            return change(changeOrRestore(session, before, () -> step.apply(session, process, before)), before);
        });
    }

    /** One change, given the project, the schedule's own process and what DolphinScheduler held before. */
    private interface Step {
        RemoteRef apply(Session session, Rows.ProcessDetail process, RemoteState before);
    }

    private RemoteRef changeOrRestore(Session session, RemoteState before, Supplier<RemoteRef> change) {
        try {
            return change.get();
        } catch (RuntimeException failure) {
            restore(session, before, failure);
            throw failure;
        }
    }

    private void restore(Session session, RemoteState before, RuntimeException failure) {
        Deadline.undoing(() -> {
            try {
                before.restore(session, settings.serverZone());
            } catch (RuntimeException undoFailed) {
                failure.addSuppressed(undoFailed);
                LOG.warn("A failed change of schedule {} could not be undone in DolphinScheduler project {}: {};"
                        + " reconciliation reports what differs, repair puts it right", before.scheduleId(),
                        session.project, undoFailed.getMessage());
            }
        });
    }

    private RemoteChange change(RemoteRef ref, RemoteState before) {
        return RemoteChange.of(ref, () -> Deadline.within(settings.deadline(), () -> Deadline.undoing(() -> {
            Session session = Session.creatingProject(api, calls, ref.project());
            before.restore(session, settings.serverZone());
        })));
    }

    private void putDefinition(Session session, long processId, ProcessDefinition definition) {
        session.putDefinition(processId, definition.name(), definition.json(), definition.locations(),
                definition.connects(), definition.description());
    }

    /** Online for the cron schedule to be created or updated, then offline again, as 1.3.9 needs. */
    private RemoteRef publishCron(Session session, long processId, Schedule schedule, ProcessDefinition definition,
            List<Rows.Schedule> existing) {
        session.release(processId, ONLINE);
        long cronId = upsertCron(session, processId, schedule, definition, existing);
        session.release(processId, OFFLINE);
        return ref(processId, cronId);
    }

    /**
     * One cron schedule per process: updated when there is one, created when there is none (a second
     * create would make a second schedule), extra ones deleted.
     *
     * @param existing the process's cron schedules, as read at the start of this operation
     */
    private long upsertCron(Session session, long processId, Schedule schedule, ProcessDefinition definition,
            List<Rows.Schedule> existing) {
        RunSettings run = schedule.definition().runSettings();
        if (existing.isEmpty()) {
            calls.data("schedule/create", WRITE, () -> api.createSchedule(session.project, processId,
                    definition.scheduleField(), run.warningType().name(), run.warningGroupId(),
                    run.failureStrategy().name(), run.workerGroup(), run.priority().name()));
            return session.cronSchedules(processId).stream().findFirst().map(Rows.Schedule::id)
                    .orElseThrow(() -> new EngineException(Kind.UNAVAILABLE, "schedule/list-paging",
                            "the cron schedule of process " + processId + " was created but cannot be found"));
        }
        long keep = existing.get(0).id();
        for (Rows.Schedule extra : existing.subList(1, existing.size())) {
            calls.data("schedule/delete", WRITE, () -> api.deleteSchedule(session.project, extra.id()));
        }
        calls.data("schedule/update", WRITE, () -> api.updateSchedule(session.project, keep,
                definition.scheduleField(), run.warningType().name(), run.warningGroupId(),
                run.failureStrategy().name(), run.workerGroup(), run.priority().name()));
        return keep;
    }

    private RemoteRef ref(long processId, long cronScheduleId) {
        return new RemoteRef(DolphinSchedulerEngine.NAME, settings.project(), String.valueOf(processId), String.valueOf(cronScheduleId));
    }
}
