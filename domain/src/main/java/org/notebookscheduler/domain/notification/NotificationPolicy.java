package org.notebookscheduler.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Whether something is worth telling people about, and the message that tells them. Pure: sending
 * is an adapter's business.
 *
 * @param includeError   whether a failed result's error message is part of the text
 * @param maxErrorLength the error is cut to this many characters
 * @param template       the message's text; the reference product's by default
 * @param notifyOnStart  whether a run's start is announced too
 * @param longRunWarning a run still going after this long is announced; null for never
 */
public record NotificationPolicy(NotificationLevel level, String header, boolean includeError, int maxErrorLength,
        MessageTemplate template, boolean notifyOnStart, Duration longRunWarning) {

    public static final String DEFAULT_HEADER = "Byzer Notebook Schedule Task Notification:";
    public static final int DEFAULT_MAX_ERROR_LENGTH = 256;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public NotificationPolicy {
        Check.required(level, "notification.level");
        header = header == null ? "" : Check.optionalText(header, "notification.messageHeader", 1000);
        Check.range(maxErrorLength, 0, 100_000, "notification.maxErrorLength");
        template = template == null ? MessageTemplate.defaults() : template;
        if (longRunWarning != null && (longRunWarning.isNegative() || longRunWarning.isZero())) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, "notification.longRunWarning",
                    "notification.longRunWarning must be a positive duration");
        }
    }

    /** The seed's four settings, with the reference's message, no start notice and no long-run warning. */
    public NotificationPolicy(NotificationLevel level, String header, boolean includeError, int maxErrorLength) {
        this(level, header, includeError, maxErrorLength, MessageTemplate.defaults(), false, null);
    }

    /** The seed's defaults: failures only, the reference header, the error included and cut at 256. */
    public static NotificationPolicy defaults() {
        return new NotificationPolicy(NotificationLevel.FAILED, DEFAULT_HEADER, true, DEFAULT_MAX_ERROR_LENGTH);
    }

    public Optional<Duration> longRunWarningAfter() {
        return Optional.ofNullable(longRunWarning);
    }

    public boolean shouldNotify(ExecutionResult result) {
        return level == NotificationLevel.ALL || result.failed();
    }

    /** The message of a finished run, with times shown in {@code zone}. */
    public String render(ExecutionResult result, ZoneId zone) {
        Map<String, String> values = values(result.scheduleName(), result.taskName(), result.entity(),
                result.executedBy(), result.startedAt(), result.attempt(), zone);
        values.put("duration", hoursMinutesSeconds(result.duration()));
        values.put("status", result.status().label());
        if (includeError && result.failed()) {
            values.put("error", result.errorMessage().map(error -> Text.cut(error, maxErrorLength)).orElse(""));
        }
        return template.render(values);
    }

    /** The message that a run has started. */
    public String renderStarted(RunInProgress run, ZoneId zone) {
        Map<String, String> values = values(run.scheduleName(), run.taskName(), run.entity(), run.user(),
                run.startedAt(), run.attempt(), zone);
        values.put("status", "started");
        return template.render(values);
    }

    /** The message that a run is still going after {@code elapsed}. */
    public String renderStillRunning(RunInProgress run, Duration elapsed, ZoneId zone) {
        Map<String, String> values = values(run.scheduleName(), run.taskName(), run.entity(), run.user(),
                run.startedAt(), run.attempt(), zone);
        values.put("duration", hoursMinutesSeconds(elapsed));
        values.put("status", "still running after " + hoursMinutesSeconds(elapsed));
        return template.render(values);
    }

    private Map<String, String> values(String scheduleName, String taskName, EntityRef entity, String user,
            Instant startedAt, int attempt, ZoneId zone) {
        Map<String, String> values = new HashMap<>();
        values.put("header", header);
        values.put("entityType", entity.type() == EntityType.WORKFLOW ? "Workflow" : "Notebook");
        values.put("entityName", entity.name());
        values.put("scheduleName", scheduleName);
        values.put("task", taskName);
        values.put("time", TIME.format(startedAt.atZone(zone)));
        values.put("user", user);
        values.put("attempt", String.valueOf(attempt));
        return values;
    }

    /** HH:MM:SS; hours keep counting past 24 so a long run still reads right. */
    static String hoursMinutesSeconds(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

    /** A run that has started and not yet finished, as the start notice and the long-run warning tell it. */
    public record RunInProgress(String scheduleName, String taskName, EntityRef entity, String user, Instant startedAt,
            int attempt) {
    }
}
