package org.notebookscheduler.domain.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.notification.NotificationOverrides;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * The part of a schedule its owner edits: name, description, the task DAG, when it fires and how it
 * runs. It validates itself on construction, so a definition that exists is a valid one.
 */
public record ScheduleDefinition(String name, String description, List<ScheduledTask> tasks, CronSpec cron,
        RunSettings runSettings, NotificationOverrides notifications) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 1000;

    public ScheduleDefinition {
        name = Check.name(name, "name", MAX_NAME_LENGTH);
        description = Check.optionalText(description, "description", MAX_DESCRIPTION_LENGTH);
        tasks = List.copyOf(TaskGraph.validate(tasks));
        Check.required(cron, "cron");
        runSettings = runSettings == null ? RunSettings.defaults() : runSettings;
        notifications = notifications == null ? NotificationOverrides.none() : notifications;
    }

    /** A definition whose notifications follow the global settings. */
    public ScheduleDefinition(String name, String description, List<ScheduledTask> tasks, CronSpec cron,
            RunSettings runSettings) {
        this(name, description, tasks, cron, runSettings, NotificationOverrides.none());
    }

    /** Builds each task with its index as the field path, so a refusal says which task is wrong. */
    public static List<ScheduledTask> tasks(List<TaskSupplier> suppliers) {
        List<ScheduledTask> tasks = new ArrayList<>(suppliers.size());
        for (int i = 0; i < suppliers.size(); i++) {
            try {
                tasks.add(suppliers.get(i).get());
            } catch (RefusedException e) {
                throw e.under("tasks[" + i + "]");
            }
        }
        return tasks;
    }

    /** Builds one task; exists so that {@link #tasks} can place a task's refusal under its index. */
    @FunctionalInterface
    public interface TaskSupplier {
        ScheduledTask get();
    }

    public Optional<ScheduledTask> taskFor(EntityType type, String entityId) {
        return tasks.stream().filter(task -> task.entity().is(type, entityId)).findFirst();
    }

    List<FieldChange> changesTo(ScheduleDefinition next) {
        List<FieldChange> changes = new ArrayList<>();
        FieldChange.collect(changes, "name", name, next.name);
        FieldChange.collect(changes, "description", description, next.description);
        FieldChange.collect(changes, "cron", cron, next.cron);
        FieldChange.collect(changes, "runSettings.warningType", runSettings.warningType(), next.runSettings.warningType());
        FieldChange.collect(changes, "runSettings.warningGroupId", runSettings.warningGroupId(),
                next.runSettings.warningGroupId());
        FieldChange.collect(changes, "runSettings.failureStrategy", runSettings.failureStrategy(),
                next.runSettings.failureStrategy());
        FieldChange.collect(changes, "runSettings.priority", runSettings.priority(), next.runSettings.priority());
        FieldChange.collect(changes, "runSettings.workerGroup", runSettings.workerGroup(), next.runSettings.workerGroup());
        FieldChange.collect(changes, "notifications", notifications.describe(), next.notifications.describe());
        for (ScheduledTask task : tasks) {
            Optional<ScheduledTask> after = next.task(task.name());
            FieldChange.collect(changes, "tasks[" + task.name() + "]", task.describe(),
                    after.map(ScheduledTask::describe).orElse(null));
        }
        for (ScheduledTask task : next.tasks) {
            if (task(task.name()).isEmpty()) {
                FieldChange.collect(changes, "tasks[" + task.name() + "]", null, task.describe());
            }
        }
        return changes;
    }

    public Optional<ScheduledTask> task(String taskName) {
        return tasks.stream().filter(task -> task.name().equals(taskName)).findFirst();
    }
}
