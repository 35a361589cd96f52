package org.notebookscheduler.adapters.embedded;

import org.notebookscheduler.domain.schedule.ScheduleId;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * What Quartz runs when a schedule's cron fires (on one instance of the cluster): a run of the
 * schedule, handed to this instance's {@link RunLauncher}; Quartz's thread is free again at once.
 */
public final class FireSchedule implements Job {

    /** Where the launcher waits in the Quartz scheduler's context. */
    static final String LAUNCHER = "notebook-scheduler.run-launcher";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            RunLauncher launcher = (RunLauncher) context.getScheduler().getContext().get(LAUNCHER);
            launcher.fired(ScheduleId.of(context.getJobDetail().getKey().getName()),
                    context.getScheduledFireTime().toInstant());
        } catch (SchedulerException | RuntimeException e) {
            throw new JobExecutionException("could not start the run of " + context.getJobDetail().getKey(), e, false);
        }
    }
}
