package org.notebookscheduler.domain.notification;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.shared.Check;

/**
 * Whether a result is worth telling people about, and the message that tells them. Pure: sending
 * is an adapter's business.
 *
 * @param includeError   whether a failed result's error message is part of the text
 * @param maxErrorLength the error is cut to this many characters
 */
public record NotificationPolicy(NotificationLevel level, String header, boolean includeError, int maxErrorLength) {

    public static final String DEFAULT_HEADER = "Byzer Notebook Schedule Task Notification:";
    public static final int DEFAULT_MAX_ERROR_LENGTH = 256;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public NotificationPolicy {
        Check.required(level, "notification.level");
        header = header == null ? "" : Check.optionalText(header, "notification.messageHeader", 1000);
        Check.range(maxErrorLength, 0, 100_000, "notification.maxErrorLength");
    }

    /** The seed's defaults: failures only, the reference header, the error included and cut at 256. */
    public static NotificationPolicy defaults() {
        return new NotificationPolicy(NotificationLevel.FAILED, DEFAULT_HEADER, true, DEFAULT_MAX_ERROR_LENGTH);
    }

    public boolean shouldNotify(ExecutionResult result) {
        return level == NotificationLevel.ALL || result.failed();
    }

    /** The message text, with times shown in {@code zone}. */
    public String render(ExecutionResult result, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        if (!header.isEmpty()) {
            text.append(header).append('\n');
        }
        String entityLabel = result.entity().type() == EntityType.WORKFLOW ? "Workflow" : "Notebook";
        text.append(entityLabel).append(": ").append(result.entity().name()).append('\n')
                .append("Schedule: ").append(result.scheduleName()).append('\n')
                .append("Time: ").append(TIME.format(result.startedAt().atZone(zone))).append('\n')
                .append("Duration: ").append(hoursMinutesSeconds(result.duration())).append('\n')
                .append("User: ").append(result.executedBy()).append('\n')
                .append("Status: ").append(result.status().label());
        if (includeError && result.failed()) {
            result.errorMessage().ifPresent(error -> text.append('\n').append("Error: ")
                    .append(Text.cut(error, maxErrorLength)));
        }
        return text.toString();
    }

    /** HH:MM:SS; hours keep counting past 24 so a long run still reads right. */
    static String hoursMinutesSeconds(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }
}
