package org.notebookscheduler.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The callback as DolphinScheduler 1.3.9's HTTP task sends it (reference section 5): POST, a flat
 * JSON object of strings, {@code Content-Type: application/json} and {@code Content-Encoding: UTF-8}.
 */
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class CallbackApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    TestWorld world;

    private ScheduleId scheduleId;
    private String credential;

    @BeforeEach
    void aScheduledNotebook() {
        scheduleId = world.onlineSchedule("daily", "nb-1");
        credential = TestWorld.credential(scheduleId, "run-nb-1");
    }

    private String body(String token) {
        return """
                {"entity_type":"notebook","entity_id":"nb-1","owner":"alice","token":"%s","commit_id":"commit-nb-1",
                 "timeout":"600","task_name":"run-nb-1","schedule_id":"%s","run_key":"20261125020000",
                 "system.biz.date":"20261124","system.biz.curdate":"20261125","system.datetime":"20261125020000",
                 "region":"eu"}""".formatted(token, scheduleId);
    }

    private ResultActions sendAsDolphinSchedulerDoes(String body) throws Exception {
        return http.perform(post("/api/schedule/execution").contentType(MediaType.APPLICATION_JSON)
                .header("Content-Encoding", "UTF-8").content(body));
    }

    @Test
    void a_callback_as_dolphinscheduler_sends_it_runs_the_notebook_and_answers_200() throws Exception {
        sendAsDolphinSchedulerDoes(body(credential)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("succeed"))
                .andExpect(jsonPath("$.attempt").value(1))
                .andExpect(jsonPath("$.repeated").value(false));

        assertThat(world.executions.all()).singleElement().satisfies(result -> {
            assertThat(result.runKey()).isEqualTo("20261125020000");
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        });
        assertThat(world.runner.requests().get(0).parameters()).containsEntry("system.biz.date", "20261124")
                .doesNotContainKeys("token", "owner", "entity_id", "region");
    }

    @Test
    void the_answer_carries_the_end_of_what_the_notebook_printed_for_dolphinschedulers_task_log() throws Exception {
        world.runner.prints("x".repeat(10_000) + "cell 4: 42 rows written");
        sendAsDolphinSchedulerDoes(body(credential)).andExpect(status().isOk())
                .andExpect(jsonPath("$.output").value(org.hamcrest.Matchers.endsWith("cell 4: 42 rows written")))
                .andExpect(jsonPath("$.output").value(org.hamcrest.Matchers.hasLength(org.notebookscheduler.adapters.web.callback.CallbackController.MAX_OUTPUT_LENGTH)));

        world.runner.failWith("cell 5 raised KeyError");
        world.runner.prints("Traceback: KeyError 'region'");
        sendAsDolphinSchedulerDoes(body(credential).replace("\"run_key\":\"", "\"run_key\":\"another-"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.output").value("Traceback: KeyError 'region'"));
    }

    @Test
    void a_wrong_token_is_401_and_records_nothing() throws Exception {
        int auditBefore = world.audit.all().size();

        sendAsDolphinSchedulerDoes(body("guessed")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("CALLBACK_TOKEN_INVALID"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(credential))));

        assertThat(world.executions.all()).isEmpty();
        assertThat(world.audit.all()).hasSize(auditBefore);
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void a_missing_token_is_401() throws Exception {
        sendAsDolphinSchedulerDoes("{\"entity_type\":\"notebook\",\"entity_id\":\"nb-1\"}")
                .andExpect(status().isUnauthorized());
        assertThat(world.executions.all()).isEmpty();
    }

    @Test
    void the_token_may_come_in_a_header_instead() throws Exception {
        http.perform(post("/api/schedule/execution").contentType(MediaType.APPLICATION_JSON)
                .header("X-Callback-Token", credential)
                .content("{\"schedule_id\":\"" + scheduleId + "\",\"task_name\":\"run-nb-1\",\"run_key\":\"r1\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void the_form_body_of_the_reference_product_is_accepted_too() throws Exception {
        http.perform(post("/api/schedule/execution").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("entity_type", "notebook").param("entity_id", "nb-1").param("owner", "alice")
                .param("schedule_id", scheduleId.toString()).param("task_name", "run-nb-1")
                .param("token", credential).param("timeout", "600").param("run_key", "r1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("succeed"));
        assertThat(world.executions.all()).hasSize(1);
    }

    @Test
    void a_credential_in_the_url_is_refused_and_nothing_runs() throws Exception {
        http.perform(post("/api/schedule/execution?token=" + credential)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("schedule_id", scheduleId.toString())
                .param("task_name", "run-nb-1").param("run_key", "r1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("REQUEST_MALFORMED"))
                .andExpect(jsonPath("$.field").value("token"));
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void the_global_callback_token_is_not_accepted_as_any_tasks_credential() throws Exception {
        sendAsDolphinSchedulerDoes(body(TestWorld.CALLBACK_TOKEN)).andExpect(status().isUnauthorized());
        assertThat(world.runner.requests()).isEmpty();
    }

    /** Observed on a real 1.3.9: a token read from a task log ran bob's notebook at a chosen commit. */
    @Test
    void a_credential_read_from_a_task_log_cannot_run_another_notebook_or_commit_or_parameters() throws Exception {
        sendAsDolphinSchedulerDoes(body(credential).replace("\"entity_id\":\"nb-1\"", "\"entity_id\":\"nb-bob\""))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CALLBACK_MISMATCH"))
                .andExpect(jsonPath("$.field").value("entity_id"));
        sendAsDolphinSchedulerDoes(body(credential).replace("commit-nb-1", "evil"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("commit_id"));
        sendAsDolphinSchedulerDoes("{\"token\":\"" + credential + "\",\"entity_type\":\"notebook\","
                + "\"entity_id\":\"nb-1\",\"commit_id\":\"evil\",\"run_key\":\"forged-1\",\"evil_param\":\"x\"}")
                .andExpect(status().isUnauthorized());
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void a_failed_run_answers_422_with_a_short_reason_so_that_dolphinscheduler_retries() throws Exception {
        world.runner.failWith("Table not found: sales " + "x".repeat(2000));

        sendAsDolphinSchedulerDoes(body(credential)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("RUN_FAILED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("run failed: Table not found")))
                .andExpect(jsonPath("$.attempt").value(1));

        assertThat(world.executions.all()).extracting(ExecutionResult::status).containsExactly(ExecutionStatus.FAILED);
        assertThat(world.outbox.all()).hasSize(1);
    }

    @Test
    void a_repeated_callback_for_a_run_that_succeeded_is_answered_without_running_again() throws Exception {
        sendAsDolphinSchedulerDoes(body(credential)).andExpect(status().isOk());

        sendAsDolphinSchedulerDoes(body(credential)).andExpect(status().isOk())
                .andExpect(jsonPath("$.repeated").value(true));

        assertThat(world.runner.requests()).hasSize(1);
    }

    @Test
    void an_entity_type_other_than_the_tasks_is_a_409_naming_the_callback_field() throws Exception {
        sendAsDolphinSchedulerDoes(body(credential).replace("\"notebook\"", "\"spreadsheet\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CALLBACK_MISMATCH"))
                .andExpect(jsonPath("$.field").value("entity_type"));
        assertThat(world.executions.all()).isEmpty();
    }

    @Test
    void malformed_json_is_a_400_and_records_nothing() throws Exception {
        sendAsDolphinSchedulerDoes("{\"entity_type\": ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("REQUEST_MALFORMED"));
        assertThat(world.executions.all()).isEmpty();
    }
}
