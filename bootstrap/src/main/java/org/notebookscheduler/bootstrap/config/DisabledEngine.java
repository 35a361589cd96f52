package org.notebookscheduler.bootstrap.config;

import java.util.List;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.CallerRuns;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.EngineDrift;
import org.notebookscheduler.application.port.out.EngineLifecycle;
import org.notebookscheduler.application.port.out.EngineRuns;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** The engine when scheduling is off: every call is refused with a code that says how to turn it on. */
final class DisabledEngine implements EngineLifecycle, EngineRuns, EngineDrift {

    static final String NAME = "disabled";

    static Engine engine() {
        DisabledEngine refusing = new DisabledEngine();
        return new Engine(NAME, refusing, refusing, refusing, CallerRuns.NONE);
    }

    private static RefusedException disabled() {
        return new RefusedException(ErrorCode.SCHEDULING_DISABLED, "notebook.scheduler.enable",
                "scheduling is off; set notebook.scheduler.enable=true and point notebook.scheduler.scheduler-url at"
                        + " DolphinScheduler");
    }

    @Override
    public RemoteChange register(Schedule schedule) {
        throw disabled();
    }

    @Override
    public RemoteChange update(Schedule schedule) {
        throw disabled();
    }

    @Override
    public RemoteChange online(Schedule schedule) {
        throw disabled();
    }

    @Override
    public RemoteChange offline(Schedule schedule) {
        throw disabled();
    }

    @Override
    public RemoteChange delete(Schedule schedule) {
        throw disabled();
    }

    @Override
    public java.util.Optional<RunId> runNow(Schedule schedule) {
        throw disabled();
    }

    @Override
    public Page<Run> page(RemoteRef ref, PageRequest page) {
        throw disabled();
    }

    @Override
    public RunDetail detail(RemoteRef ref, RunId runId) {
        throw disabled();
    }

    @Override
    public String taskLog(RemoteRef ref, RunId runId, String taskRunId) {
        throw disabled();
    }

    @Override
    public void command(RemoteRef ref, RunId runId, RunCommand command) {
        throw disabled();
    }

    @Override
    public List<FieldChange> of(Schedule schedule) {
        throw disabled();
    }
}
