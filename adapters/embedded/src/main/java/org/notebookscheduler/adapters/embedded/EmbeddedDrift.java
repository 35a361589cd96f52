package org.notebookscheduler.adapters.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.application.port.out.EngineDrift;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.Schedule;
import org.quartz.CronTrigger;

/** How Quartz's job and trigger for a schedule differ from the schedule as stored. */
final class EmbeddedDrift implements EngineDrift {

    private final QuartzJobs jobs;

    EmbeddedDrift(QuartzJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<FieldChange> of(Schedule schedule) {
        if (jobs.held(schedule.id()).isEmpty()) {
            return List.of(new FieldChange("remote.definition", schedule.id().toString(), null));
        }
        List<FieldChange> changes = new ArrayList<>();
        Optional<CronTrigger> trigger = jobs.trigger(schedule.id());
        FieldChange.collect(changes, "releaseState", schedule.releaseState(),
                trigger.isPresent() ? ReleaseState.ONLINE : ReleaseState.OFFLINE);
        trigger.ifPresent(cron -> {
            FieldChange.collect(changes, "cron.expression", schedule.definition().cron().expression(),
                    cron.getCronExpression());
            FieldChange.collect(changes, "cron.timeZone", schedule.definition().cron().zone().getId(),
                    cron.getTimeZone().getID());
        });
        return changes;
    }
}
