package org.notebookscheduler.domain.schedule;

/** Whether the schedule's cron trigger fires. A new schedule is offline until someone puts it online. */
public enum ReleaseState {
    OFFLINE,
    ONLINE
}
