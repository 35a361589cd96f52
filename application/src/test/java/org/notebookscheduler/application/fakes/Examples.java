package org.notebookscheduler.application.fakes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.CronSpec;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;

/** Valid building blocks for tests of the services and of the adapters behind the ports. */
public final class Examples {

    public static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);
    public static final String FEISHU_URL = "https://open.feishu.cn/open-apis/bot/v2/hook/0f1e2d3c-secret-token";

    private Examples() {
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

    /** A schedule named {@code name} with one task running notebook {@code notebookId}. */
    public static ScheduleDefinition oneNotebook(String name, String notebookId) {
        return definition(name, ScheduledTask.of("run-" + notebookId, notebook(notebookId)));
    }

    public static Schedule schedule(String owner, String name, String notebookId, Instant createdAt) {
        return Schedule.create(ScheduleId.newId(), owner, oneNotebook(name, notebookId), createdAt).schedule();
    }

    public static ExecutionResult result(ScheduleId scheduleId, String owner, String notebookId, String runKey,
            int attempt, ExecutionStatus status, Instant startedAt) {
        return new ExecutionResult(ExecutionId.newId(), scheduleId, "daily", owner, "run-" + notebookId,
                notebook(notebookId), runKey, attempt, status, owner, startedAt, startedAt.plusSeconds(90),
                status == ExecutionStatus.FAILED ? "boom" : null);
    }

    public static WebhookTarget feishu() {
        return WebhookTarget.of(FEISHU_URL, null, null, "webhookUrl");
    }

    public static Notification notification(ScheduleId scheduleId, Instant createdAt) {
        return Notification.pending(scheduleId, ExecutionId.newId(), feishu(), "Byzer Notebook Schedule Task Notification:",
                createdAt);
    }
}
