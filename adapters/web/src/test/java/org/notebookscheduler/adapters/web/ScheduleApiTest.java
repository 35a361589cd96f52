package org.notebookscheduler.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The schedule API over HTTP: what it answers, and how it refuses. */
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ScheduleApiTest {

    static final String DAILY = """
            {"name": "daily report",
             "tasks": [{"name": "run", "entity": {"type": "notebook", "id": "nb-1"}, "timeoutSeconds": 3600,
                        "retries": 1, "parameters": {"region": "eu"}}],
             "cron": {"expression": "0 2 * * *", "start": "2026-01-01T00:00:00"},
             "runSettings": {"warningType": "failure", "instancePriority": "high"}}
            """;

    @Autowired
    MockMvc http;

    @Autowired
    TestWorld world;

    private ResultActions create(String body) throws Exception {
        return http.perform(post("/api/schedules").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String createdId() throws Exception {
        String body = create(DAILY).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void nothingStored() {
        assertThat(world.schedules.findByOwner(null, PageRequest.first(10)).total()).isZero();
        assertThat(world.engine.calls()).doesNotContain("register");
    }

    @Test
    void creating_a_schedule_answers_201_with_its_location_settings_and_next_five_fire_times() throws Exception {
        create(DAILY).andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/schedules/")))
                .andExpect(jsonPath("$.owner").value("alice"))
                .andExpect(jsonPath("$.releaseState").value("OFFLINE"))
                .andExpect(jsonPath("$.cron.expression").value("0 0 2 * * ? *"))
                .andExpect(jsonPath("$.cron.timeZone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.runSettings.warningType").value("FAILURE"))
                .andExpect(jsonPath("$.runSettings.instancePriority").value("HIGH"))
                .andExpect(jsonPath("$.tasks[0].entityName").value("notebook nb-1"))
                .andExpect(jsonPath("$.tasks[0].commitId").value("commit-nb-1"))
                .andExpect(jsonPath("$.remote.scheduler").value("fake"))
                .andExpect(jsonPath("$.nextFireTimes", hasSize(5)))
                .andExpect(jsonPath("$.nextFireTimes[0]").value("2026-11-25T02:00:00+08:00"));
    }

    @Test
    void malformed_json_is_a_400_with_a_stable_code_and_nothing_is_stored() throws Exception {
        create("{\"name\": \"daily\", \"tasks\": [").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("REQUEST_MALFORMED"));
        nothingStored();
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_naming_its_path() throws Exception {
        create(DAILY.replace("\"timeoutSeconds\": 3600", "\"timeoutSeconds\": \"an hour\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("REQUEST_MALFORMED"))
                .andExpect(jsonPath("$.field").value("tasks[0].timeoutSeconds"));
        nothingStored();
    }

    @Test
    void an_unknown_entity_type_is_a_400_naming_the_task_field() throws Exception {
        create(DAILY.replace("\"type\": \"notebook\"", "\"type\": \"spreadsheet\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("FIELD_OUT_OF_RANGE"))
                .andExpect(jsonPath("$.field").value("tasks[0].entity.type"));
        nothingStored();
    }

    @Test
    void a_missing_cron_is_a_400_naming_it() throws Exception {
        create("{\"name\": \"x\", \"tasks\": [{\"entity\": {\"type\": \"notebook\", \"id\": \"nb-1\"}}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("FIELD_REQUIRED"))
                .andExpect(jsonPath("$.field").value("cron"));
        nothingStored();
    }

    @Test
    void a_cron_that_never_fires_is_a_400_with_its_code() throws Exception {
        create(DAILY.replace("\"expression\": \"0 2 * * *\"", "\"expression\": \"0 0 0 30 2 ? *\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CRON_NEVER_FIRES"))
                .andExpect(jsonPath("$.field").value("cron.expression"));
        nothingStored();
    }

    @Test
    void an_oversized_body_is_a_413_and_nothing_is_stored() throws Exception {
        String huge = DAILY.replace("\"region\": \"eu\"",
                "\"region\": \"" + "x".repeat((int) WebTestApplication.MAX_REQUEST_BYTES) + "\"");

        create(huge).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("REQUEST_TOO_LARGE"));
        nothingStored();
    }

    @Test
    void scheduling_an_entity_the_host_does_not_know_is_a_422() throws Exception {
        create(DAILY.replace("nb-1", "nb-404")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ENTITY_NOT_FOUND"))
                .andExpect(jsonPath("$.field").value("tasks[0].entity"));
    }

    @Test
    void an_owner_acting_on_anothers_schedule_is_a_403_and_changes_nothing() throws Exception {
        String id = createdId();
        world.actAs(Actor.user("bob"));

        http.perform(post("/api/schedules/" + id + "/online")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
        http.perform(delete("/api/schedules/" + id)).andExpect(status().isForbidden());
        world.actAs(Actor.user("alice"));
        http.perform(get("/api/schedules/" + id)).andExpect(jsonPath("$.releaseState").value("OFFLINE"));
    }

    @Test
    void deleting_an_online_schedule_is_a_409_with_a_stable_code() throws Exception {
        String id = createdId();
        http.perform(post("/api/schedules/" + id + "/online")).andExpect(jsonPath("$.releaseState").value("ONLINE"));

        http.perform(delete("/api/schedules/" + id)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SCHEDULE_ONLINE"));
        http.perform(get("/api/schedules/" + id)).andExpect(status().isOk());
    }

    @Test
    void an_offline_schedule_is_deleted_with_204_and_then_not_found() throws Exception {
        String id = createdId();

        http.perform(delete("/api/schedules/" + id)).andExpect(status().isNoContent());
        http.perform(get("/api/schedules/" + id)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("SCHEDULE_NOT_FOUND"));
        http.perform(get("/api/schedules/not-a-uuid")).andExpect(status().isNotFound());
    }

    @Test
    void an_edit_on_a_stale_version_is_a_409_and_a_fresh_one_renames() throws Exception {
        String id = createdId();
        String rename = DAILY.replace("daily report", "nightly report").replace("\"name\": \"nightly report\",",
                "\"name\": \"nightly report\", \"version\": 0,");

        http.perform(put("/api/schedules/" + id).contentType(MediaType.APPLICATION_JSON).content(rename))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("nightly report"));
        http.perform(put("/api/schedules/" + id).contentType(MediaType.APPLICATION_JSON).content(rename))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SCHEDULE_CONCURRENTLY_MODIFIED"));
    }

    @Test
    void schedules_are_listed_by_page_and_found_by_entity() throws Exception {
        createdId();

        http.perform(get("/api/schedules?page=1&size=10")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].name").value("daily report"));
        http.perform(get("/api/schedules?page=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PAGE_INVALID")).andExpect(jsonPath("$.field").value("page"));
        http.perform(get("/api/schedules/by-entity?type=notebook&id=nb-1")).andExpect(status().isOk());
        http.perform(get("/api/schedules/by-entity?type=notebook&id=nb-2")).andExpect(status().isNotFound());
    }

    @Test
    void an_unexpected_failure_is_a_500_that_shows_no_internals() throws Exception {
        world.schedules.faults().failNext("save",
                new IllegalStateException("jdbc:mysql://db.internal:3306 password=hunter2"));

        create(DAILY).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(content().string(not(containsString("hunter2"))))
                .andExpect(content().string(not(containsString("jdbc"))));
        assertThat(world.schedules.findByOwner(null, PageRequest.first(10)).total()).isZero();
        assertThat(world.engine.remotes()).isEmpty();
    }

    @Test
    void an_unreachable_scheduler_is_a_503_and_nothing_is_stored() throws Exception {
        world.engine.faults().failNext("register", new EngineException(
                EngineException.Kind.UNAVAILABLE, "process/save", "cannot reach DolphinScheduler"));

        create(DAILY).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SCHEDULER_UNAVAILABLE"))
                .andExpect(header().string("Retry-After", "30"));
        assertThat(world.schedules.findByOwner(null, PageRequest.first(10)).total()).isZero();
    }

    @Test
    void a_name_the_scheduler_holds_for_another_process_is_a_409_naming_the_field() throws Exception {
        world.engine.faults().failNext("register", new org.notebookscheduler.domain.shared.RefusedException(
                org.notebookscheduler.domain.shared.ErrorCode.SCHEDULE_NAME_TAKEN, "name",
                "DolphinScheduler already has a process named '[alice] daily' that is not this schedule's"));

        create(DAILY).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SCHEDULE_NAME_TAKEN")).andExpect(jsonPath("$.field").value("name"))
                .andExpect(header().doesNotExist("Retry-After"));
        assertThat(world.schedules.findByOwner(null, PageRequest.first(10)).total()).isZero();
    }

    @Test
    void a_page_past_the_deepest_row_is_refused_before_anything_is_asked() throws Exception {
        for (String page : new String[] {"1000000000", "2147483647"}) {
            http.perform(get("/api/schedules?page=" + page)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("PAGE_INVALID")).andExpect(jsonPath("$.field").value("page"));
        }
    }

    @Test
    void an_unknown_endpoint_and_a_wrong_method_have_codes_too() throws Exception {
        http.perform(get("/api/nothing-here")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("REQUEST_UNSUPPORTED"));
        http.perform(put("/api/schedules")).andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("REQUEST_UNSUPPORTED"));
    }

    @Test
    void a_schedules_own_notification_settings_are_taken_and_shown_without_the_robots_tokens() throws Exception {
        String body = DAILY.replace("\"runSettings\"", """
                "notifications": {"level": "all", "notifyOnStart": true, "longRunWarningSeconds": 5400,
                  "template": "{scheduleName}: {status}",
                  "destinations": [{"url": "https://oapi.dingtalk.com/robot/send?access_token=dt-SECRET",
                                    "signingSecret": "SEC-SECRET"}]},
                "runSettings\"""");

        create(body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.notifications.level").value("all"))
                .andExpect(jsonPath("$.notifications.longRunWarningSeconds").value(5400))
                .andExpect(jsonPath("$.notifications.destinations[0].kind").value("DINGTALK"))
                .andExpect(jsonPath("$.notifications.destinations[0].destination").value(org.hamcrest.Matchers.startsWith("https://oapi.dingtalk.com/…#")))
                .andExpect(jsonPath("$.notifications.destinations[0].signed").value(true))
                .andExpect(content().string(not(containsString("SECRET"))));
    }

    @Test
    void a_template_with_an_unknown_placeholder_is_a_400_naming_it() throws Exception {
        create(DAILY.replace("\"runSettings\"", "\"notifications\": {\"template\": \"{stauts}\"}, \"runSettings\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("notifications.template"));
        nothingStored();
    }

    @Test
    void a_destination_that_is_not_an_http_url_is_a_400_naming_it_without_echoing_it() throws Exception {
        create(DAILY.replace("\"runSettings\"",
                "\"notifications\": {\"destinations\": [{\"url\": \"ftp://robot/tok-SECRET\"}]}, \"runSettings\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("notifications.destinations[0].url"))
                .andExpect(content().string(not(containsString("tok-SECRET"))));
        nothingStored();
    }

    @Test
    void running_now_is_accepted_and_audited() throws Exception {
        String id = createdId();

        http.perform(post("/api/schedules/" + id + "/run")).andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/schedules/" + id + "/runs"))
                .andExpect(jsonPath("$.runId").doesNotExist());
        http.perform(get("/api/schedules/" + id + "/audit")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].type").value("CREATED"))
                .andExpect(jsonPath("$.items[2].type").value("RUN_REQUESTED"));
    }

    /** Observed on a real 1.3.9: run-now answered 202 with no body, so nothing led to the run. */
    @Test
    void running_now_answers_the_run_it_started_with_a_location_to_follow() throws Exception {
        String id = createdId();
        world.engine.nextRunIs(new org.notebookscheduler.domain.run.RunId("777"));

        http.perform(post("/api/schedules/" + id + "/run")).andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/schedules/" + id + "/runs/777"))
                .andExpect(jsonPath("$.runId").value("777"))
                .andExpect(jsonPath("$.location").value("/api/schedules/" + id + "/runs/777"));
    }
}
