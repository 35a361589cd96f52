package org.notebookscheduler.application.port.in;

import java.time.ZonedDateTime;
import java.util.List;
import org.notebookscheduler.domain.schedule.Schedule;

/** A schedule as shown to its owner, with the next times its cron fires (it fires only while online). */
public record ScheduleView(Schedule schedule, List<ZonedDateTime> nextFireTimes) {

    public static final int NEXT_FIRE_TIMES = 5;

    public ScheduleView {
        nextFireTimes = List.copyOf(nextFireTimes);
    }
}
