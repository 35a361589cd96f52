package org.notebookscheduler.adapters.web.schedule;

import static org.notebookscheduler.adapters.web.schedule.ScheduleController.scheduleId;

import java.time.Instant;
import java.util.List;
import org.notebookscheduler.adapters.web.Enums;
import org.notebookscheduler.adapters.web.PageResponse;
import org.notebookscheduler.application.port.in.ControlRunUseCase;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.TaskRun;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A schedule's runs as the scheduler reports them, a failed task's log, and the run commands. */
@RestController
@RequestMapping("/api/schedules/{scheduleId}/runs")
public class RunController {

    private final ControlRunUseCase runs;

    public RunController(ControlRunUseCase runs) {
        this.runs = runs;
    }

    public record RunResponse(String id, String state, boolean finished, Instant scheduledFor, Instant startedAt,
            Instant endedAt) {

        static RunResponse of(Run run) {
            return new RunResponse(run.id().value(), run.state().name(), run.state().finished(),
                    run.scheduledFor().orElse(null), run.startedAt().orElse(null), run.endedAt().orElse(null));
        }
    }

    /** One attempt of a task: {@code attempt} counts from 1; {@code latest} marks the attempt that counts. */
    public record TaskRunResponse(String id, String taskName, String state, Instant startedAt, Instant endedAt,
            int retries, int attempt, boolean latest) {

        static TaskRunResponse of(TaskRun task) {
            return new TaskRunResponse(task.id(), task.taskName(), task.state().name(), task.startedAt().orElse(null),
                    task.endedAt().orElse(null), task.retries(), task.attempt(), task.latest());
        }
    }

    public record RunDetailResponse(RunResponse run, List<TaskRunResponse> tasks) {

        static RunDetailResponse of(RunDetail detail) {
            return new RunDetailResponse(RunResponse.of(detail.run()),
                    detail.tasks().stream().map(TaskRunResponse::of).toList());
        }
    }

    @GetMapping
    public PageResponse<RunResponse> list(@PathVariable String scheduleId, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(runs.runs(scheduleId(scheduleId), new PageRequest(page, size)), RunResponse::of);
    }

    @GetMapping("/{runId}")
    public RunDetailResponse get(@PathVariable String scheduleId, @PathVariable String runId) {
        return RunDetailResponse.of(runs.run(scheduleId(scheduleId), new RunId(runId)));
    }

    @GetMapping(value = "/{runId}/tasks/{taskRunId}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    public String log(@PathVariable String scheduleId, @PathVariable String runId, @PathVariable String taskRunId) {
        return runs.taskLog(scheduleId(scheduleId), new RunId(runId), taskRunId);
    }

    /** {@code pause}, {@code stop}, {@code resume}, {@code rerun-failed} or {@code repeat}. */
    @PostMapping("/{runId}/{command}")
    public ResponseEntity<Void> command(@PathVariable String scheduleId, @PathVariable String runId,
            @PathVariable String command) {
        runs.command(scheduleId(scheduleId), new RunId(runId), Enums.parse(RunCommand.class, command, "command"));
        return ResponseEntity.accepted().build();
    }
}
