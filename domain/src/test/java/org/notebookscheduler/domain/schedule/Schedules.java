package org.notebookscheduler.domain.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Valid building blocks for tests; each test changes only what it is about. */
public final class Schedules {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

    private Schedules() {
    }

    public static EntityRef notebook(String id) {
        return new EntityRef(EntityType.NOTEBOOK, id, "notebook " + id);
    }

    public static CronSpec daily() {
        return CronSpec.of("0 0 2 * * ? *", START, null, ZONE);
    }

    public static ScheduleDefinition definition(String name, ScheduledTask... tasks) {
        return new ScheduleDefinition(name, null, List.of(tasks), daily(), RunSettings.defaults());
    }

    public static ScheduleDefinition oneNotebook(String name, String notebookId) {
        return definition(name, ScheduledTask.of("run-" + notebookId, notebook(notebookId)));
    }
}
