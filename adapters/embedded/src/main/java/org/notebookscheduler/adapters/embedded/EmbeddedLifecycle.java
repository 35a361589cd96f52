package org.notebookscheduler.adapters.embedded;

import java.util.Optional;
import org.notebookscheduler.application.port.out.EngineLifecycle;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.RemoteLinkLostException;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;

/**
 * A schedule's life on the embedded engine: its Quartz job and trigger ({@link QuartzJobs}). Every
 * change reads what Quartz held first and its undo puts exactly that back. The job is named by the
 * schedule's id, so it is this schedule's by construction; a job that is gone is a lost link.
 */
final class EmbeddedLifecycle implements EngineLifecycle {

    private final QuartzJobs jobs;
    private final RunLauncher launcher;

    EmbeddedLifecycle(QuartzJobs jobs, RunLauncher launcher) {
        this.jobs = jobs;
        this.launcher = launcher;
    }

    /** Registered offline: the job, and no trigger (one left by an earlier attempt is removed). */
    @Override
    public RemoteChange register(Schedule schedule) {
        Optional<QuartzJobs.Held> before = jobs.held(schedule.id());
        jobs.putJob(schedule);
        jobs.removeTrigger(schedule.id());
        return undoable(schedule, before, ref(schedule));
    }

    @Override
    public RemoteChange update(Schedule schedule) {
        Optional<QuartzJobs.Held> before = owned(schedule, "update");
        jobs.putJob(schedule);
        if (before.orElseThrow().trigger().isPresent()) {
            jobs.putTrigger(schedule);
        }
        return undoable(schedule, before, schedule.remote().orElseThrow());
    }

    @Override
    public RemoteChange online(Schedule schedule) {
        Optional<QuartzJobs.Held> before = owned(schedule, "online");
        jobs.putTrigger(schedule);
        return undoable(schedule, before, schedule.remote().orElseThrow());
    }

    @Override
    public RemoteChange offline(Schedule schedule) {
        Optional<QuartzJobs.Held> before = owned(schedule, "offline");
        jobs.removeTrigger(schedule.id());
        return undoable(schedule, before, schedule.remote().orElseThrow());
    }

    @Override
    public RemoteChange delete(Schedule schedule) {
        Optional<QuartzJobs.Held> before = owned(schedule, "delete");
        jobs.removeJob(schedule.id());
        return undoable(schedule, before, schedule.remote().orElseThrow());
    }

    @Override
    public Optional<RunId> runNow(Schedule schedule) {
        owned(schedule, "runNow");
        return Optional.of(launcher.start(schedule, Optional.empty()));
    }

    private Optional<QuartzJobs.Held> owned(Schedule schedule, String call) {
        RemoteRef ref = schedule.remote().orElseThrow();
        Optional<QuartzJobs.Held> held = jobs.held(schedule.id());
        if (held.isEmpty()) {
            throw new RemoteLinkLostException(call, ref, "the embedded engine holds no job for schedule "
                    + schedule.id() + " any more");
        }
        return held;
    }

    private RemoteChange undoable(Schedule schedule, Optional<QuartzJobs.Held> before, RemoteRef ref) {
        return RemoteChange.of(ref, () -> jobs.restore(schedule.id(), before));
    }

    static RemoteRef ref(Schedule schedule) {
        return new RemoteRef(EmbeddedEngine.NAME, QuartzJobs.GROUP, schedule.id().toString(), null);
    }
}
