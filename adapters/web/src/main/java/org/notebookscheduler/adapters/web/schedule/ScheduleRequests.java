package org.notebookscheduler.adapters.web.schedule;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.notebookscheduler.adapters.web.Enums;
import org.notebookscheduler.domain.notification.MessageTemplate;
import org.notebookscheduler.domain.notification.NotificationLevel;
import org.notebookscheduler.domain.notification.NotificationOverrides;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.CronSpec;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.FailureStrategy;
import org.notebookscheduler.domain.schedule.Priority;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.schedule.WarningType;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** Turns a {@link ScheduleRequest} into the domain's definition; every refusal names the request field. */
public final class ScheduleRequests {

    private final ZoneId defaultZone;
    private final RunSettings defaultRunSettings;
    private final Clock clock;

    public ScheduleRequests(ZoneId defaultZone, RunSettings defaultRunSettings, Clock clock) {
        this.defaultZone = defaultZone;
        this.defaultRunSettings = defaultRunSettings;
        this.clock = clock;
    }

    public ScheduleDefinition definition(ScheduleRequest request) {
        Check.required(request, "body");
        List<ScheduledTask> tasks = ScheduleDefinition.tasks(tasks(request.tasks()));
        return new ScheduleDefinition(request.name(), request.description(), tasks, cron(request.cron()),
                runSettings(request.runSettings()), notifications(request.notifications()));
    }

    private List<ScheduleDefinition.TaskSupplier> tasks(List<ScheduleRequest.Task> tasks) {
        if (tasks == null || tasks.isEmpty()) {
            throw new RefusedException(ErrorCode.SCHEDULE_HAS_NO_TASKS, "tasks", "tasks must name at least one notebook or workflow");
        }
        List<ScheduleDefinition.TaskSupplier> suppliers = new ArrayList<>();
        for (ScheduleRequest.Task task : tasks) {
            suppliers.add(() -> task(task));
        }
        return suppliers;
    }

    /**
     * The entity's name is the host's business; until the catalog answers, the id stands in for it.
     * A task without a name is named {@code <type>-<entity id>}, e.g. {@code notebook-nb-1}.
     */
    private static ScheduledTask task(ScheduleRequest.Task task) {
        Check.required(task, "task");
        ScheduleRequest.Entity entity = Check.required(task.entity(), "entity");
        EntityType type = EntityType.parse(entity.type(), "entity.type");
        String id = Check.text(entity.id(), "entity.id", 128);
        String name = task.name() == null || task.name().isBlank() ? type.wireName() + "-" + id : task.name();
        Set<String> upstream = new HashSet<>();
        List<String> named = task.upstream() == null ? List.of() : task.upstream();
        for (int i = 0; i < named.size(); i++) {
            upstream.add(Check.text(named.get(i), "upstream[" + i + "]", ScheduledTask.MAX_NAME_LENGTH));
        }
        return new ScheduledTask(name, new EntityRef(type, id, id), task.commitId(),
                task.timeoutSeconds() == null ? null : Duration.ofSeconds(task.timeoutSeconds()),
                task.retries() == null ? 0 : task.retries(),
                task.retryIntervalSeconds() == null ? null : Duration.ofSeconds(task.retryIntervalSeconds()),
                upstream, task.parameters());
    }

    private CronSpec cron(ScheduleRequest.Cron cron) {
        Check.required(cron, "cron");
        ZoneId zone = zone(cron.timeZone());
        LocalDateTime start = cron.start() != null ? cron.start()
                : LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES);
        return CronSpec.of(cron.expression(), start, cron.end(), zone);
    }

    private ZoneId zone(String text) {
        if (text == null || text.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, "cron.timeZone",
                    "cron.timeZone must be a time zone id such as Asia/Shanghai or UTC");
        }
    }

    private static NotificationOverrides notifications(ScheduleRequest.Notifications notifications) {
        if (notifications == null) {
            return NotificationOverrides.none();
        }
        List<WebhookTarget> destinations = null;
        if (notifications.destinations() != null) {
            destinations = new ArrayList<>();
            for (int i = 0; i < notifications.destinations().size(); i++) {
                ScheduleRequest.Destination destination = notifications.destinations().get(i);
                String field = "notifications.destinations[" + i + "]";
                Check.required(destination, field);
                destinations.add(WebhookTarget.of(destination.url(),
                        Enums.parse(WebhookKind.class, destination.kind(), field + ".kind"), destination.signingSecret(),
                        field + ".url"));
            }
        }
        Long warning = notifications.longRunWarningSeconds();
        if (warning != null && warning <= 0) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, "notifications.longRunWarningSeconds",
                    "notifications.longRunWarningSeconds must be positive");
        }
        return new NotificationOverrides(
                Enums.parse(NotificationLevel.class, notifications.level(), "notifications.level"),
                notifications.header(),
                notifications.template() == null ? null
                        : MessageTemplate.of(notifications.template(), "notifications.template"),
                notifications.notifyOnStart(), warning == null ? null : Duration.ofSeconds(warning), destinations);
    }

    private RunSettings runSettings(ScheduleRequest.RunSettings settings) {
        if (settings == null) {
            return defaultRunSettings;
        }
        RunSettings defaults = defaultRunSettings;
        WarningType warningType = Enums.parse(WarningType.class, settings.warningType(), "runSettings.warningType");
        FailureStrategy strategy = Enums.parse(FailureStrategy.class, settings.failureStrategy(),
                "runSettings.failureStrategy");
        Priority priority = Enums.parse(Priority.class, settings.instancePriority(), "runSettings.instancePriority");
        return new RunSettings(warningType != null ? warningType : defaults.warningType(),
                settings.warningGroupId() != null ? settings.warningGroupId() : defaults.warningGroupId(),
                strategy != null ? strategy : defaults.failureStrategy(),
                priority != null ? priority : defaults.priority(),
                settings.workerGroup() != null ? settings.workerGroup() : defaults.workerGroup());
    }
}
