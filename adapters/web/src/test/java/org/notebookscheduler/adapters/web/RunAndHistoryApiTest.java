package org.notebookscheduler.adapters.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.Examples;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.run.TaskRun;
import org.notebookscheduler.domain.schedule.Schedule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RunAndHistoryApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    TestWorld world;

    private Schedule schedule;

    @BeforeEach
    void aScheduleWithAFailedRun() {
        schedule = world.scheduleService.create(Examples.oneNotebook("daily", "nb-1")).schedule();
        world.engine.addRun(schedule.remote().orElseThrow(), new RunDetail(
                new Run(new RunId("345"), RunState.FAILED, Optional.of(Examples.NOW), Optional.of(Examples.NOW),
                        Optional.of(Examples.NOW.plusSeconds(60))),
                List.of(new TaskRun("901", "run-nb-1", RunState.FAILED, Optional.of(Examples.NOW),
                        Optional.of(Examples.NOW.plusSeconds(60)), 2))));
        world.engine.addLog("901", "[ERROR] Table not found: sales\r\n");
    }

    private String base() {
        return "/api/schedules/" + schedule.id() + "/runs";
    }

    @Test
    void a_schedules_runs_a_runs_tasks_and_a_failed_tasks_log_are_shown() throws Exception {
        http.perform(get(base())).andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value("345"))
                .andExpect(jsonPath("$.items[0].state").value("FAILED"))
                .andExpect(jsonPath("$.items[0].finished").value(true));
        http.perform(get(base() + "/345")).andExpect(jsonPath("$.tasks[0].taskName").value("run-nb-1"))
                .andExpect(jsonPath("$.tasks[0].retries").value(2));
        http.perform(get(base() + "/345/tasks/901/log")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Table not found")));
    }

    @Test
    void run_commands_are_accepted_by_name_and_an_unknown_one_is_refused_with_the_accepted_names() throws Exception {
        http.perform(post(base() + "/345/rerun-failed")).andExpect(status().isAccepted());
        http.perform(post(base() + "/345/explode")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("FIELD_OUT_OF_RANGE"))
                .andExpect(jsonPath("$.field").value("command"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("RERUN_FAILED")));
        http.perform(post(base() + "/999/stop")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("RUN_NOT_FOUND"));
    }

    @Test
    void executions_are_filtered_and_paged_newest_first() throws Exception {
        world.executions.save(Examples.result(schedule.id(), "alice", "nb-1", "r1", 1, ExecutionStatus.FAILED,
                Examples.NOW));
        world.executions.save(Examples.result(schedule.id(), "alice", "nb-1", "r2", 1, ExecutionStatus.SUCCEEDED,
                Examples.NOW.plusSeconds(3600)));

        http.perform(get("/api/executions?scheduleId=" + schedule.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items[0].runKey").value("r2"));
        http.perform(get("/api/executions?status=failed")).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("failed"));
        http.perform(get("/api/executions?from=2026-11-24T10:30:00Z")).andExpect(jsonPath("$.total").value(1));
        http.perform(get("/api/executions?status=sometimes")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
    }
}
