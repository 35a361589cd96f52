package org.notebookscheduler.domain.schedule;

import org.notebookscheduler.domain.shared.Check;

/**
 * Where a schedule lives in the remote scheduler: which scheduler, its project, the definition and
 * the cron schedule there. Identifiers are text so that engines with other id shapes fit.
 */
public record RemoteRef(String scheduler, String project, String definitionId, String cronScheduleId) {

    public RemoteRef {
        scheduler = Check.text(scheduler, "remote.scheduler", 64);
        project = Check.text(project, "remote.project", 100);
        definitionId = Check.text(definitionId, "remote.definitionId", 64);
        cronScheduleId = Check.optionalText(cronScheduleId, "remote.cronScheduleId", 64);
    }
}
