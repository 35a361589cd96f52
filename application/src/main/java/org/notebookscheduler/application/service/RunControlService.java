package org.notebookscheduler.application.service;

import java.time.Clock;
import java.util.function.Supplier;
import org.notebookscheduler.application.port.in.ControlRunUseCase;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** Runs are the engine's; this service checks who may see and steer them, asks the schedule's engine, and audits commands. */
public final class RunControlService implements ControlRunUseCase {

    private final ScheduleAccess access;
    private final Engines engines;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public RunControlService(ScheduleStore store, CurrentUser currentUser, Engines engines, AuditLog audit,
            Transactions transactions, Clock clock) {
        this.access = new ScheduleAccess(store, currentUser);
        this.engines = engines;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<Run> runs(ScheduleId scheduleId, PageRequest page) {
        RemoteRef ref = remote(scheduleId, access.actor());
        return engines.of(ref).runs().page(ref, page);
    }

    @Override
    public RunDetail run(ScheduleId scheduleId, RunId runId) {
        RemoteRef ref = remote(scheduleId, access.actor());
        return ofRun(runId, () -> engines.of(ref).runs().detail(ref, runId));
    }

    @Override
    public String taskLog(ScheduleId scheduleId, RunId runId, String taskRunId) {
        RemoteRef ref = remote(scheduleId, access.actor());
        return ofRun(runId, () -> engines.of(ref).runs().taskLog(ref, runId, taskRunId));
    }

    @Override
    public void command(ScheduleId scheduleId, RunId runId, RunCommand command) {
        Actor actor = access.actor();
        RemoteRef ref = remote(scheduleId, actor);
        ofRun(runId, () -> {
            engines.of(ref).runs().command(ref, runId, command);
            return null;
        });
        transactions.run(() -> audit.append(ScheduleEvent.of(scheduleId, ScheduleEventType.RUN_COMMANDED,
                actor.name(), clock.instant(), command + " run " + runId)));
    }

    private RemoteRef remote(ScheduleId scheduleId, Actor actor) {
        Schedule schedule = access.load(scheduleId, actor);
        return ScheduleAccess.remoteOf(schedule);
    }

    /** A run the scheduler does not know is the caller's mistake, not the scheduler's failure. */
    private static <T> T ofRun(RunId runId, Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineException e) {
            if (e.kind() == EngineException.Kind.NOT_FOUND) {
                throw new RefusedException(ErrorCode.RUN_NOT_FOUND, "runId",
                        "run " + runId + " is not a run of this schedule");
            }
            throw e;
        }
    }
}
