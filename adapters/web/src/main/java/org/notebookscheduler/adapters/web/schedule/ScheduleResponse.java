package org.notebookscheduler.adapters.web.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.notebookscheduler.application.port.in.ScheduleView;
import org.notebookscheduler.domain.notification.NotificationOverrides;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduledTask;

/** A schedule as the API shows it, with the next five times its cron fires. */
public record ScheduleResponse(String id, String owner, String name, String description, String releaseState,
        long version, Instant createdAt, Instant updatedAt, Cron cron, Settings runSettings, List<Task> tasks,
        Notifications notifications, Remote remote, List<OffsetDateTime> nextFireTimes) {

    /** Null parts follow the global settings; a destination shows only its kind and host. */
    public record Notifications(String level, String header, String template, Boolean notifyOnStart,
            Long longRunWarningSeconds, List<Destination> destinations) {

        static Notifications of(NotificationOverrides overrides) {
            return new Notifications(overrides.level() == null ? null : overrides.level().name().toLowerCase(),
                    overrides.header(), overrides.template() == null ? null : overrides.template().text(),
                    overrides.notifyOnStart(),
                    overrides.longRunWarning() == null ? null : overrides.longRunWarning().toSeconds(),
                    overrides.destinations() == null ? null : overrides.destinations().stream()
                            .map(target -> new Destination(target.redacted(), target.kind().name(),
                                    target.signingSecret().isPresent()))
                            .toList());
        }
    }

    public record Destination(String destination, String kind, boolean signed) {
    }

    public record Cron(String expression, LocalDateTime start, LocalDateTime end, String timeZone) {
    }

    public record Settings(String warningType, long warningGroupId, String failureStrategy, String instancePriority,
            String workerGroup) {
    }

    public record Task(String name, String entityType, String entityId, String entityName, String commitId,
            long timeoutSeconds, int retries, long retryIntervalSeconds, List<String> upstream,
            Map<String, String> parameters) {
    }

    public record Remote(String scheduler, String project, String definitionId, String cronScheduleId) {
    }

    public static ScheduleResponse of(ScheduleView view) {
        Schedule schedule = view.schedule();
        RunSettings run = schedule.definition().runSettings();
        var cron = schedule.definition().cron();
        return new ScheduleResponse(schedule.id().toString(), schedule.owner(), schedule.name(),
                schedule.definition().description(), schedule.releaseState().name(), schedule.version(),
                schedule.createdAt(), schedule.updatedAt(),
                new Cron(cron.expression(), cron.start(), cron.end().orElse(null), cron.zone().getId()),
                new Settings(run.warningType().name(), run.warningGroupId(), run.failureStrategy().name(),
                        run.priority().name(), run.workerGroup()),
                schedule.definition().tasks().stream().map(ScheduleResponse::task).toList(),
                Notifications.of(schedule.definition().notifications()),
                schedule.remote().map(ScheduleResponse::remote).orElse(null),
                view.nextFireTimes().stream().map(time -> time.toOffsetDateTime()).toList());
    }

    private static Task task(ScheduledTask task) {
        return new Task(task.name(), task.entity().type().wireName(), task.entity().id(), task.entity().name(),
                task.commitId(), task.timeout().toSeconds(), task.retries(), task.retryInterval().toSeconds(),
                task.upstream().stream().sorted().toList(), task.parameters());
    }

    private static Remote remote(RemoteRef ref) {
        return new Remote(ref.scheduler(), ref.project(), ref.definitionId(), ref.cronScheduleId());
    }
}
