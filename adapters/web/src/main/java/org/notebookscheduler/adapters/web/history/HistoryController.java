package org.notebookscheduler.adapters.web.history;

import static org.notebookscheduler.adapters.web.schedule.ScheduleController.scheduleId;

import java.time.Instant;
import java.util.List;
import org.notebookscheduler.adapters.web.Enums;
import org.notebookscheduler.adapters.web.PageResponse;
import org.notebookscheduler.application.port.in.QueryHistoryUseCase;
import org.notebookscheduler.application.port.out.ExecutionQuery;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.schedule.EntityType;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What ran (executions, newest first) and what changed (a schedule's audit trail, oldest first). */
@RestController
public class HistoryController {

    private final QueryHistoryUseCase history;

    public HistoryController(QueryHistoryUseCase history) {
        this.history = history;
    }

    public record ExecutionResponse(String id, String scheduleId, String scheduleName, String owner, String taskName,
            String entityType, String entityId, String entityName, String runKey, int attempt, String status,
            String executedBy, Instant startedAt, Instant finishedAt, long durationSeconds, String message,
            String runId, String taskRunId, String log) {

        static ExecutionResponse of(ExecutionResult result) {
            return new ExecutionResponse(result.id().toString(), result.scheduleId().toString(), result.scheduleName(),
                    result.owner(), result.taskName(), result.entity().type().wireName(), result.entity().id(),
                    result.entity().name(), result.runKey(), result.attempt(), result.status().label(),
                    result.executedBy(), result.startedAt(), result.finishedAt(), result.duration().toSeconds(),
                    result.message(), result.runId(), result.taskRunId(),
                    result.runId() == null || result.taskRunId() == null ? null
                            : "/api/schedules/" + result.scheduleId() + "/runs/" + result.runId() + "/tasks/"
                                    + result.taskRunId() + "/log");
        }
    }

    public record EventResponse(String type, String actor, Instant at, List<FieldChange> changes, String detail) {

        static EventResponse of(ScheduleEvent event) {
            return new EventResponse(event.type().name(), event.actor(), event.at(), event.changes(), event.detail());
        }
    }

    /** @param status {@code succeed} or {@code failed}, as the notifications word it */
    @GetMapping("/api/executions")
    public PageResponse<ExecutionResponse> executions(@RequestParam(required = false) String scheduleId,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        ExecutionQuery query = new ExecutionQuery(scheduleId == null ? null : scheduleId(scheduleId),
                entityType == null ? null : EntityType.parse(entityType, "entityType"), entityId, owner,
                status(status), from, to);
        return PageResponse.of(history.executions(query, new PageRequest(page, size)), ExecutionResponse::of);
    }

    @GetMapping("/api/schedules/{scheduleId}/audit")
    public PageResponse<EventResponse> audit(@PathVariable String scheduleId,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(history.auditTrail(scheduleId(scheduleId), new PageRequest(page, size)),
                EventResponse::of);
    }

    private static ExecutionStatus status(String text) {
        if (text == null) {
            return null;
        }
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (status.label().equalsIgnoreCase(text.strip())) {
                return status;
            }
        }
        return Enums.parse(ExecutionStatus.class, text, "status");
    }
}
