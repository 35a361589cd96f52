package org.notebookscheduler.adapters.dolphinscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.notebook;
import static org.notebookscheduler.application.fakes.Refusals.assertRefused;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.schedule.CronSpec;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.FailureStrategy;
import org.notebookscheduler.domain.schedule.Priority;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.schedule.WarningType;
import org.notebookscheduler.domain.shared.ErrorCode;
import tools.jackson.databind.JsonNode;

/** The process definition JSON as reference sections 4 and 5 describe it. */
class ProcessDefinitionTest {

    private final DolphinSchedulerSettings settings;
    private final Schedule schedule;
    private final ProcessDefinition process;

    ProcessDefinitionTest() {
        try (DolphinSchedulerStub stub = new DolphinSchedulerStub()) {
            settings = stub.settings();
        }
        ScheduledTask extract = new ScheduledTask("extract", notebook("nb-1"), "c0ffee", Duration.ofMinutes(30), 2,
                Duration.ofMinutes(3), Set.of(), Map.of("region", "eu"));
        ScheduledTask report = ScheduledTask.of("report", new EntityRef(EntityType.WORKFLOW, "wf-9", "weekly report"))
                .after("extract");
        ScheduleDefinition definition = new ScheduleDefinition("pipeline", "numbers for Monday",
                java.util.List.of(extract, report), CronSpec.of("0 30 9 ? * MON-FRI *",
                        LocalDateTime.of(2026, 1, 1, 0, 0), LocalDateTime.of(2027, 1, 1, 0, 0),
                        ZoneId.of("Asia/Shanghai")),
                new RunSettings(WarningType.FAILURE, 3, FailureStrategy.CONTINUE, Priority.HIGH, "gpu"));
        schedule = Schedule.create(ScheduleId.newId(), "alice", definition, NOW).schedule();
        process = ProcessDefinition.of(schedule, settings);
    }

    private static JsonNode json(String text) {
        return DolphinSchedulerClient.jsonMapper().readTree(text);
    }

    private JsonNode task(int index) {
        return json(process.json()).get("tasks").get(index);
    }

    private static String body(JsonNode task, String prop) {
        for (JsonNode param : task.get("params").get("httpParams")) {
            if (param.get("prop").asString().equals(prop)) {
                assertThat(param.get("httpParametersType").asString()).isEqualTo("BODY");
                return param.get("value").asString();
            }
        }
        return null;
    }

    @Test
    void each_notebook_or_workflow_is_an_http_task_posting_to_the_callback() {
        JsonNode task = task(0);

        assertThat(task.get("type").asString()).isEqualTo("HTTP");
        assertThat(task.get("name").asString()).isEqualTo("extract");
        assertThat(task.get("params").get("url").asString()).isEqualTo("http://notebook:9002/api/schedule/execution");
        assertThat(task.get("params").get("httpMethod").asString()).isEqualTo("POST");
        assertThat(task.get("params").get("httpCheckCondition").asString()).isEqualTo("STATUS_CODE_DEFAULT");
        assertThat(json(process.json()).get("tenantId").asInt()).isEqualTo(-1);
    }

    @Test
    void the_callback_body_holds_the_seed_products_fields_the_run_key_and_the_user_parameters() {
        JsonNode task = task(0);

        assertThat(body(task, "entity_type")).isEqualTo("notebook");
        assertThat(body(task, "entity_id")).isEqualTo("nb-1");
        assertThat(body(task, "owner")).isEqualTo("alice");
        assertThat(body(task, "token")).isEqualTo(org.notebookscheduler.domain.schedule.CallbackCredential.of(
                org.notebookscheduler.domain.shared.Secret.of(DolphinSchedulerStub.CALLBACK_TOKEN, "callbackToken"),
                schedule.id(), "extract"));
        assertThat(body(task, "commit_id")).isEqualTo("c0ffee");
        assertThat(body(task, "timeout")).isEqualTo("1800");
        assertThat(body(task, "task_name")).isEqualTo("extract");
        assertThat(body(task, "schedule_id")).isEqualTo(schedule.id().toString());
        assertThat(body(task, "run_key")).isEqualTo("${system.datetime}");
        assertThat(body(task, "region")).isEqualTo("eu");
        assertThat(body(task(1), "entity_type")).isEqualTo("workflow");
    }

    @Test
    void each_task_carries_its_own_credential_and_never_the_callback_token() {
        String first = body(task(0), "token");
        String second = body(task(1), "token");

        assertThat(first).startsWith("nsc1.").isNotEqualTo(second);
        assertThat(process.json()).doesNotContain(DolphinSchedulerStub.CALLBACK_TOKEN);
    }

    @Test
    void the_time_parameters_are_declared_as_local_parameters_so_that_they_are_substituted() {
        JsonNode task = task(0);

        assertThat(task.get("params").get("localParams")).extracting(param -> param.get("prop").asString())
                .containsExactly("system.biz.date", "system.biz.curdate", "system.datetime");
        assertThat(task.get("params").get("localParams").get(0).get("value").asString()).isEqualTo("${system.biz.date}");
        assertThat(body(task, "system.biz.date")).isEqualTo("${system.biz.date}");
    }

    @Test
    void timeouts_retries_priority_and_worker_group_come_from_the_task_and_the_run_settings() {
        JsonNode task = task(0);

        assertThat(task.get("maxRetryTimes").asInt()).isEqualTo(2);
        assertThat(task.get("retryInterval").asInt()).isEqualTo(3);
        assertThat(task.get("timeout").get("strategy").asString()).isEqualTo("FAILED");
        assertThat(task.get("timeout").get("interval").asInt()).isEqualTo(35);
        assertThat(task.get("params").get("socketTimeout").asLong()).isEqualTo(Duration.ofMinutes(35).toMillis());
        assertThat(task.get("taskInstancePriority").asString()).isEqualTo("HIGH");
        assertThat(task.get("workerGroup").asString()).isEqualTo("gpu");
    }

    @Test
    void the_dag_is_preTasks_by_name_and_locations_and_connects_by_id() {
        assertThat(task(1).get("preTasks")).extracting(JsonNode::asString).containsExactly("extract");
        JsonNode locations = json(process.locations());
        assertThat(locations.get("task-2").get("targetarr").asString()).isEqualTo("task-1");
        assertThat(locations.get("task-1").get("nodenumber").asString()).isEqualTo("1");
        assertThat(locations.get("task-2").get("x").asInt()).isGreaterThan(locations.get("task-1").get("x").asInt());
        JsonNode edge = json(process.connects()).get(0);
        assertThat(edge.get("endPointSourceId").asString()).isEqualTo("task-1");
        assertThat(edge.get("endPointTargetId").asString()).isEqualTo("task-2");
    }

    @Test
    void the_schedule_field_has_start_end_and_the_quartz_crontab_in_the_servers_format() {
        assertThat(json(process.scheduleField()).get("startTime").asString()).isEqualTo("2026-01-01 00:00:00");
        assertThat(json(process.scheduleField()).get("endTime").asString()).isEqualTo("2027-01-01 00:00:00");
        assertThat(json(process.scheduleField()).get("crontab").asString()).isEqualTo("0 30 9 ? * MON-FRI *");
    }

    @Test
    void a_unix_cron_goes_to_the_server_as_quartz() {
        CronSpec unix = CronSpec.of("30 9 * * 1-5", LocalDateTime.of(2026, 1, 1, 0, 0), null, ZoneId.of("Asia/Shanghai"));

        String field = ProcessDefinition.scheduleField(unix, ZoneId.of("Asia/Shanghai"));

        assertThat(json(field).get("crontab").asString().split(" ")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void a_schedule_in_another_time_zone_than_the_servers_is_refused_rather_than_shifted() {
        CronSpec utc = CronSpec.of("0 0 2 * * ? *", LocalDateTime.of(2026, 1, 1, 0, 0), null, ZoneId.of("UTC"));

        assertRefused(() -> ProcessDefinition.scheduleField(utc, ZoneId.of("Asia/Shanghai")), ErrorCode.FIELD_OUT_OF_RANGE,
                "cron.timeZone");
    }

    @Test
    void the_process_is_named_for_its_owner_and_schedule_and_its_description_carries_the_schedule_id() {
        assertThat(process.name()).isEqualTo("[alice] pipeline");
        assertThat(process.description()).isEqualTo("notebook-scheduler schedule " + schedule.id()
                + ": numbers for Monday");
    }

    @Test
    void the_same_schedule_gives_the_same_json_so_drift_is_not_imagined() {
        assertThat(ProcessDefinition.of(schedule, settings)).isEqualTo(process);
    }
}
