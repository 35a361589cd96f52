package org.notebookscheduler.adapters.web.schedule;

import java.net.URI;
import java.util.Optional;
import org.notebookscheduler.adapters.web.PageResponse;
import org.notebookscheduler.application.port.in.ManageSchedulesUseCase;
import org.notebookscheduler.application.port.in.ReconcileSchedulesUseCase;
import org.notebookscheduler.application.port.in.ScheduleView;
import org.notebookscheduler.application.port.in.UpdateSchedule;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Schedules of notebooks and workflows: the current user's own, or everyone's for an admin. */
@RestController
@RequestMapping("/api/schedules")
public class ScheduleController {

    private final ManageSchedulesUseCase schedules;
    private final ReconcileSchedulesUseCase reconciliation;
    private final ScheduleRequests requests;

    public ScheduleController(ManageSchedulesUseCase schedules, ReconcileSchedulesUseCase reconciliation,
            ScheduleRequests requests) {
        this.schedules = schedules;
        this.reconciliation = reconciliation;
        this.requests = requests;
    }

    @PostMapping
    public ResponseEntity<ScheduleResponse> create(@RequestBody ScheduleRequest request) {
        ScheduleResponse created = ScheduleResponse.of(schedules.create(requests.definition(request)));
        return ResponseEntity.created(URI.create("/api/schedules/" + created.id())).body(created);
    }

    @GetMapping
    public PageResponse<ScheduleResponse> list(@RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(schedules.list(owner, new PageRequest(page, size)), ScheduleResponse::of);
    }

    /** The schedule that runs a notebook or workflow; 404 when none does. */
    @GetMapping("/by-entity")
    public ScheduleResponse byEntity(@RequestParam String type, @RequestParam String id) {
        return schedules.findByEntity(EntityType.parse(type, "type"), id).map(ScheduleResponse::of)
                .orElseThrow(() -> new RefusedException(ErrorCode.SCHEDULE_NOT_FOUND, "id",
                        "no schedule runs " + type + " " + id));
    }

    @GetMapping("/{id}")
    public ScheduleResponse get(@PathVariable String id) {
        return ScheduleResponse.of(schedules.get(scheduleId(id)));
    }

    @PutMapping("/{id}")
    public ScheduleResponse update(@PathVariable String id, @RequestBody ScheduleRequest request) {
        return ScheduleResponse.of(schedules.update(new UpdateSchedule(scheduleId(id), requests.definition(request),
                request.version())));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        schedules.delete(scheduleId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/online")
    public ScheduleResponse online(@PathVariable String id) {
        return ScheduleResponse.of(schedules.online(scheduleId(id)));
    }

    @PostMapping("/{id}/offline")
    public ScheduleResponse offline(@PathVariable String id) {
        return ScheduleResponse.of(schedules.offline(scheduleId(id)));
    }

    /** @param runId the run started, when the scheduler showed it in time; {@code location} leads to it */
    public record RunStarted(String runId, String location) {
    }

    /** 202 with the run's id and a {@code Location} to follow, or the runs' list when the id is not known yet. */
    @PostMapping("/{id}/run")
    public ResponseEntity<RunStarted> runNow(@PathVariable String id) {
        ScheduleId scheduleId = scheduleId(id);
        Optional<RunId> run = schedules.runNow(scheduleId);
        String location = "/api/schedules/" + scheduleId + "/runs" + run.map(started -> "/" + started.value()).orElse("");
        return ResponseEntity.accepted().location(URI.create(location))
                .body(new RunStarted(run.map(RunId::value).orElse(null), location));
    }

    /** Pushes the stored schedule to the scheduler again, undoing changes made there by hand. */
    @PostMapping("/{id}/repair")
    public ScheduleResponse repair(@PathVariable String id) {
        ScheduleView repaired = reconciliation.repair(scheduleId(id));
        return ScheduleResponse.of(repaired);
    }

    public static ScheduleId scheduleId(String text) {
        try {
            return ScheduleId.of(text);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId", "no schedule " + text);
        }
    }
}
