package org.notebookscheduler.bootstrap.config;

import java.util.List;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.SchedulerGateway;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** The gateway when scheduling is off: every call is refused with a code that says how to turn it on. */
final class DisabledSchedulerGateway implements SchedulerGateway {

    private static RefusedException disabled() {
        return new RefusedException(ErrorCode.SCHEDULING_DISABLED, "notebook.scheduler.enable",
                "scheduling is off; set notebook.scheduler.enable=true and point notebook.scheduler.scheduler-url at"
                        + " DolphinScheduler");
    }

    @Override
    public String name() {
        return "disabled";
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
    public java.util.Optional<CallerRun> callerRun(Schedule schedule, String taskName, String sentRunKey) {
        return java.util.Optional.empty();
    }

    @Override
    public Page<Run> runs(RemoteRef ref, PageRequest page) {
        throw disabled();
    }

    @Override
    public RunDetail run(RemoteRef ref, RunId runId) {
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
    public List<FieldChange> drift(Schedule schedule) {
        throw disabled();
    }
}
