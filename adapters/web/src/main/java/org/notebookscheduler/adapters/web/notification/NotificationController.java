package org.notebookscheduler.adapters.web.notification;

import static org.notebookscheduler.adapters.web.schedule.ScheduleController.scheduleId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.notebookscheduler.adapters.web.PageResponse;
import org.notebookscheduler.application.port.in.ReplayDeadNotificationsUseCase;
import org.notebookscheduler.application.port.out.DeadNotificationFilter;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationId;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications that could not be delivered, and sending them again: one, or all that a filter
 * matches. A destination is only ever shown as scheme and host; its token stays in the database.
 */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    private final ReplayDeadNotificationsUseCase replay;

    public NotificationController(ReplayDeadNotificationsUseCase replay) {
        this.replay = replay;
    }

    /** A notification as listed: its robot as {@code scheme://host/…#fingerprint}, never its URL or secret. */
    public record NotificationResponse(String id, String scheduleId, String executionId, String destination,
            String kind, String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
            String text) {

        static NotificationResponse of(Notification notification) {
            return new NotificationResponse(notification.id().toString(), notification.scheduleId().toString(),
                    notification.executionId().map(Object::toString).orElse(null), notification.target().redacted(),
                    notification.target().kind().name(), notification.status().name(), notification.attempts(),
                    notification.lastError().orElse(null), notification.createdAt(), notification.nextAttemptAt(),
                    notification.text());
        }
    }

    /** A failed attempt as its history shows it. */
    public record FailedAttemptResponse(int attempt, Instant at, String error) {
    }

    /** One notification and every attempt that failed, through its replays. */
    public record NotificationHistoryResponse(NotificationResponse notification, List<FailedAttemptResponse> failures) {

        static NotificationHistoryResponse of(ReplayDeadNotificationsUseCase.NotificationHistory history) {
            return new NotificationHistoryResponse(NotificationResponse.of(history.notification()),
                    history.failures().stream().map(failure -> new FailedAttemptResponse(failure.number(),
                            failure.at(), failure.error())).toList());
        }
    }

    @GetMapping("/{id}")
    public NotificationHistoryResponse one(@PathVariable String id) {
        return NotificationHistoryResponse.of(replay.history(notificationId(id)));
    }

    /** What waits to be delivered, oldest first: backing off, paced behind its robot, or stuck. */
    @GetMapping("/pending")
    public PageResponse<NotificationResponse> pending(@RequestParam(required = false) String scheduleId,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String error, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(replay.pending(filter(scheduleId, destination, from, to, error),
                new PageRequest(page, size)), NotificationResponse::of);
    }

    @GetMapping("/dead")
    public PageResponse<NotificationResponse> dead(@RequestParam(required = false) String scheduleId,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String error, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(replay.dead(filter(scheduleId, destination, from, to, error), new PageRequest(page, size)),
                NotificationResponse::of);
    }

    @PostMapping("/{id}/replay")
    public ResponseEntity<Void> replayOne(@PathVariable String id) {
        replay.replay(notificationId(id));
        return ResponseEntity.accepted().build();
    }

    /** Replays every dead notification the filter matches (the same parameters as the listing). */
    @PostMapping("/dead/replay")
    public Map<String, Integer> replayMatching(@RequestParam(required = false) String scheduleId,
            @RequestParam(required = false) String destination,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String error) {
        return Map.of("replayed", replay.replayMatching(filter(scheduleId, destination, from, to, error)));
    }

    private static DeadNotificationFilter filter(String scheduleId, String destination, Instant from, Instant to,
            String error) {
        return new DeadNotificationFilter(scheduleId == null ? null : scheduleId(scheduleId), destination, from, to,
                error);
    }

    private static NotificationId notificationId(String text) {
        try {
            return new NotificationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new RefusedException(ErrorCode.NOTIFICATION_NOT_FOUND, "notificationId", "no notification " + text);
        }
    }
}
