package org.notebookscheduler.application.port.in;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.notebookscheduler.domain.schedule.Schedule;

/** A schedule as shown to its owner, with the next times its cron fires (it fires only while online). */
public record ScheduleView(Schedule schedule, List<ZonedDateTime> nextFireTimes) {

    public static final int NEXT_FIRE_TIMES = 5;

    public ScheduleView {
        nextFireTimes = List.copyOf(nextFireTimes);
    }

    /** The schedule with its next fire times from now, read in the schedule's own time zone. */
    public static ScheduleView of(Schedule schedule, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(schedule.definition().cron().zone()));
        return new ScheduleView(schedule, schedule.definition().cron().nextFireTimes(now, NEXT_FIRE_TIMES));
    }
}
