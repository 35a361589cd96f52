package org.notebookscheduler.adapters.persistence.schedule;

import static org.notebookscheduler.adapters.persistence.UtcTime.column;
import static org.notebookscheduler.adapters.persistence.UtcTime.instant;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.schedule.WarningType;
import org.notebookscheduler.domain.shared.Secret;

/** The one place that knows how a {@link Schedule} lies in its tables. */
final class ScheduleMapper {

    private ScheduleMapper() {
    }

    static Schedule toDomain(ScheduleEntity row) {
        List<ScheduledTask> tasks = tasks(row);
        CronSpec cron = CronSpec.of(row.cronExpression, row.cronStart, row.cronEnd, ZoneId.of(row.cronZone));
        RunSettings runSettings = new RunSettings(WarningType.valueOf(row.warningType), row.warningGroupId,
                FailureStrategy.valueOf(row.failureStrategy), Priority.valueOf(row.priority), row.workerGroup);
        ScheduleDefinition definition = new ScheduleDefinition(row.name, row.description, tasks, cron, runSettings,
                notifications(row));
        RemoteRef remote = row.remoteDefinitionId == null ? null
                : new RemoteRef(row.remoteScheduler, row.remoteProject, row.remoteDefinitionId, row.remoteCronScheduleId);
        return Schedule.restore(ScheduleId.of(row.id), row.owner, definition, ReleaseState.valueOf(row.releaseState),
                remote, instant(row.createdAt), instant(row.updatedAt), row.version);
    }

    private static NotificationOverrides notifications(ScheduleEntity row) {
        List<WebhookTarget> destinations = row.ownDestinations ? row.destinations.stream()
                .map(destination -> WebhookTarget.of(destination.url, WebhookKind.valueOf(destination.kind),
                        destination.signingSecret, "notifications.destinations"))
                .toList() : null;
        return new NotificationOverrides(row.notifyLevel == null ? null : NotificationLevel.valueOf(row.notifyLevel),
                row.notifyHeader, row.notifyTemplate == null ? null : MessageTemplate.of(row.notifyTemplate,
                        "notifications.template"),
                row.notifyOnStart, row.longRunWarningSeconds == null ? null
                        : Duration.ofSeconds(row.longRunWarningSeconds), destinations);
    }

    private static void copyNotifications(NotificationOverrides notifications, ScheduleEntity row) {
        row.notifyLevel = notifications.level() == null ? null : notifications.level().name();
        row.notifyHeader = notifications.header();
        row.notifyTemplate = notifications.template() == null ? null : notifications.template().text();
        row.notifyOnStart = notifications.notifyOnStart();
        row.longRunWarningSeconds = notifications.longRunWarning() == null ? null
                : notifications.longRunWarning().toSeconds();
        row.ownDestinations = notifications.destinations() != null;
        List<ScheduleEntity.Destination> destinations = notifications.destinations() == null ? List.of()
                : notifications.destinations().stream().map(target -> new ScheduleEntity.Destination(
                        target.url().reveal(), target.redacted(), target.kind().name(),
                        target.signingSecret().map(Secret::reveal).orElse(null))).toList();
        row.destinations.clear();
        row.destinations.addAll(destinations);
    }

    static List<ScheduledTask> tasks(ScheduleEntity row) {
        return row.tasks.stream().map(ScheduleMapper::toDomain).toList();
    }

    private static ScheduledTask toDomain(ScheduleTaskEntity row) {
        EntityRef entity = new EntityRef(EntityType.valueOf(row.entityType), row.entityId, row.entityName);
        return new ScheduledTask(row.name, entity, row.commitId, Duration.ofSeconds(row.timeoutSeconds), row.retries,
                Duration.ofSeconds(row.retryIntervalSeconds), row.upstream, row.parameters);
    }

    /** Copies everything but the tasks and the version, which the store handles. */
    static void copyFields(Schedule schedule, ScheduleEntity row) {
        ScheduleDefinition definition = schedule.definition();
        row.owner = schedule.owner();
        row.name = definition.name();
        row.nameKey = nameKey(definition.name());
        row.description = definition.description();
        row.cronExpression = definition.cron().expression();
        row.cronStart = definition.cron().start();
        row.cronEnd = definition.cron().end().orElse(null);
        row.cronZone = definition.cron().zone().getId();
        RunSettings settings = definition.runSettings();
        row.warningType = settings.warningType().name();
        row.warningGroupId = settings.warningGroupId();
        row.failureStrategy = settings.failureStrategy().name();
        row.priority = settings.priority().name();
        row.workerGroup = settings.workerGroup();
        row.releaseState = schedule.releaseState().name();
        RemoteRef remote = schedule.remote().orElse(null);
        row.remoteScheduler = remote == null ? null : remote.scheduler();
        row.remoteProject = remote == null ? null : remote.project();
        row.remoteDefinitionId = remote == null ? null : remote.definitionId();
        row.remoteCronScheduleId = remote == null ? null : remote.cronScheduleId();
        copyNotifications(definition.notifications(), row);
        row.createdAt = column(schedule.createdAt());
        row.updatedAt = column(schedule.updatedAt());
    }

    static ScheduleTaskEntity toRow(ScheduledTask task, int order, ScheduleEntity schedule) {
        ScheduleTaskEntity row = new ScheduleTaskEntity(schedule);
        row.taskOrder = order;
        row.name = task.name();
        row.entityType = task.entity().type().name();
        row.entityId = task.entity().id();
        row.entityName = task.entity().name();
        row.commitId = task.commitId();
        row.timeoutSeconds = task.timeout().toSeconds();
        row.retries = task.retries();
        row.retryIntervalSeconds = task.retryInterval().toSeconds();
        row.upstream = new HashSet<>(task.upstream());
        row.parameters = new HashMap<>(task.parameters());
        return row;
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
