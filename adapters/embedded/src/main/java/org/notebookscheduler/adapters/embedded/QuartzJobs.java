package org.notebookscheduler.adapters.embedded;

import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.schedule.CronSpec;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * A schedule in Quartz: a durable job named by the schedule's id, and, while the schedule is
 * online, a cron trigger of the same name. Offline is the job without its trigger, so a schedule
 * registered offline never has a moment when it could fire.
 *
 * <p>Misfires: a trigger whose fire time passed while no instance ran (all stopped, or too busy)
 * fires once as soon as one can, then follows its cron ({@code withMisfireHandlingInstructionFireAndProceed}):
 * a day of downtime is one catch-up run, not one per missed fire.
 */
final class QuartzJobs {

    static final String GROUP = "notebook-scheduler";

    /** What Quartz held for a schedule, to put back when a change is undone. */
    record Held(JobDetail job, Optional<Trigger> trigger) {
    }

    private final Scheduler quartz;

    QuartzJobs(Scheduler quartz) {
        this.quartz = quartz;
    }

    static JobKey jobOf(ScheduleId id) {
        return JobKey.jobKey(id.toString(), GROUP);
    }

    static TriggerKey triggerOf(ScheduleId id) {
        return TriggerKey.triggerKey(id.toString(), GROUP);
    }

    Optional<Held> held(ScheduleId id) {
        return call("read", () -> {
            JobDetail job = quartz.getJobDetail(jobOf(id));
            return job == null ? Optional.empty()
                    : Optional.of(new Held(job, Optional.ofNullable(quartz.getTrigger(triggerOf(id)))));
        });
    }

    Optional<CronTrigger> trigger(ScheduleId id) {
        return call("read", () -> Optional.ofNullable((CronTrigger) quartz.getTrigger(triggerOf(id))));
    }

    /** The schedule's job, replaced; its trigger, if any, left as it is. */
    void putJob(Schedule schedule) {
        call("addJob", () -> {
            quartz.addJob(JobBuilder.newJob(FireSchedule.class).withIdentity(jobOf(schedule.id())).storeDurably()
                    .withDescription(schedule.name()).build(), true);
            return null;
        });
    }

    /** Fires on the schedule's current cron from now on. */
    void putTrigger(Schedule schedule) {
        call("scheduleJob", () -> {
            put(cronTrigger(schedule));
            return null;
        });
    }

    /** Adds the trigger, or replaces the one of the same key. */
    private void put(Trigger trigger) throws SchedulerException {
        if (quartz.checkExists(trigger.getKey())) {
            quartz.rescheduleJob(trigger.getKey(), trigger);
        } else {
            quartz.scheduleJob(trigger);
        }
    }

    void removeTrigger(ScheduleId id) {
        call("unscheduleJob", () -> quartz.unscheduleJob(triggerOf(id)));
    }

    void removeJob(ScheduleId id) {
        call("deleteJob", () -> quartz.deleteJob(jobOf(id)));
    }

    /** Puts back what was held (nothing, when nothing was). */
    void restore(ScheduleId id, Optional<Held> before) {
        call("restore", () -> {
            if (before.isEmpty()) {
                quartz.deleteJob(jobOf(id));
                return null;
            }
            quartz.addJob(before.get().job(), true);
            if (before.get().trigger().isPresent()) {
                put(fromNow(before.get().trigger().get()));
            } else {
                quartz.unscheduleJob(triggerOf(id));
            }
            return null;
        });
    }

    /**
     * The schedule's cron trigger, starting now or at the window's start if later: Quartz computes a
     * trigger's first fire from its start, and a first fire in the past would count as missed and
     * fire at once, so putting a schedule online would run it then and there.
     */
    static Trigger cronTrigger(Schedule schedule) {
        CronSpec cron = schedule.definition().cron();
        return TriggerBuilder.newTrigger().withIdentity(triggerOf(schedule.id())).forJob(jobOf(schedule.id()))
                .withSchedule(CronScheduleBuilder.cronSchedule(cron.expression())
                        .inTimeZone(TimeZone.getTimeZone(cron.zone())).withMisfireHandlingInstructionFireAndProceed())
                .startAt(notBeforeNow(Date.from(cron.start().atZone(cron.zone()).toInstant())))
                .endAt(cron.end().map(end -> Date.from(end.atZone(cron.zone()).toInstant())).orElse(null))
                .build();
    }

    /** A trigger put back by an undo starts afresh from now too, for the same reason. */
    private static Trigger fromNow(Trigger held) {
        return held.getTriggerBuilder().startAt(notBeforeNow(held.getStartTime())).build();
    }

    private static Date notBeforeNow(Date start) {
        Date now = new Date();
        return start.before(now) ? now : start;
    }

    private interface QuartzCall<T> {
        T call() throws SchedulerException;
    }

    private static <T> T call(String what, QuartzCall<T> call) {
        try {
            return call.call();
        } catch (SchedulerException e) {
            throw new EngineException(EngineException.Kind.UNAVAILABLE, "quartz " + what, e.getMessage(), e);
        }
    }
}
