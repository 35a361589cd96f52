package org.notebookscheduler.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.adapters.dolphinscheduler.SimulatedDolphinScheduler;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.domain.schedule.EntityType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole module through HTTP: a schedule is created (DolphinScheduler stubbed at the HTTP level),
 * the callback arrives exactly as DolphinScheduler's HTTP task would send it for that schedule, the
 * execution is recorded, and the outbox holds its notification.
 */
@SpringBootTest(classes = {NotebookSchedulerApplication.class, ScheduleToNotificationSystemTest.Host.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:system;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "spring.jpa.hibernate.ddl-auto=validate",
            "notebook.scheduler.enable=true",
            "notebook.scheduler.security.trust-user-header=true",
            "notebook.scheduler.auth-token=ds-auth-SECRET",
            "notebook.scheduler.callback-token=cb-token-SECRET",
            "notebook.scheduler.callback-url=http://notebook:9002",
            "notebook.scheduler.dolphinscheduler.server-time-zone=Asia/Shanghai",
            "notebook.scheduler.notification.level=all",
            "notebook.scheduler.notification.webhook-url=https://open.feishu.cn/open-apis/bot/v2/hook/robot-SECRET"})
class ScheduleToNotificationSystemTest {

    private static final SimulatedDolphinScheduler SIMULATOR = new SimulatedDolphinScheduler();
    private static final WireMockServer DOLPHIN = SIMULATOR.server;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROJECT = "/dolphinscheduler/projects/ByzerScheduler";


    @DynamicPropertySource
    static void dolphinScheduler(DynamicPropertyRegistry registry) {
        registry.add("notebook.scheduler.scheduler-url", () -> DOLPHIN.baseUrl() + "/dolphinscheduler");
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    /** The host: it knows notebook nb-1 of alice, and runs notebooks successfully. */
    @TestConfiguration
    static class Host {
        @Bean
        NotebookCatalog catalog() {
            return (type, id) -> type == EntityType.NOTEBOOK && (id.equals("nb-1") || id.equals("nb-2"))
                    ? Optional.of(new NotebookCatalog.Entry(type, id, "sales report", "alice", "c0ffee"))
                    : Optional.empty();
        }

        @Bean
        NotebookRunner runner() {
            return request -> new NotebookRunner.Outcome(true, request.owner(), Instant.parse("2026-11-24T18:00:01Z"),
                    Instant.parse("2026-11-24T18:03:05Z"), null);
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Notebook-User", "alice");
    }

    /**
     * The body DolphinScheduler 1.3.9's HTTP task sends for the task it was given: its BODY
     * parameters with the time parameters substituted for a run fired at 2026-11-25 02:00.
     */
    private static String callbackAsDolphinSchedulerSendsIt() {
        String definition = DOLPHIN.findAll(postRequestedFor(urlPathEqualTo(PROJECT + "/process/save"))).get(0)
                .formParameter("processDefinitionJson").firstValue();
        JsonNode task = JSON.readTree(definition).get("tasks").get(0);
        Map<String, String> body = new LinkedHashMap<>();
        for (JsonNode param : task.get("params").get("httpParams")) {
            body.put(param.get("prop").asString(), param.get("value").asString()
                    .replace("${system.datetime}", "20261125020000")
                    .replace("${system.biz.date}", "20261124")
                    .replace("${system.biz.curdate}", "20261125"));
        }
        assertThat(task.get("params").get("url").asString()).isEqualTo("http://notebook:9002/api/schedule/execution");
        return JSON.writeValueAsString(body);
    }

    @Test
    void a_schedule_created_over_http_is_called_back_its_run_recorded_and_its_notification_queued() throws Exception {
        HttpResponse<String> created = send(api("/api/schedules").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "sales daily", "tasks": [{"entity": {"type": "notebook", "id": "nb-1"}}],
                         "cron": {"expression": "0 2 * * *", "start": "2026-01-01T00:00:00"}}""")));
        assertThat(created.statusCode()).isEqualTo(201);
        String scheduleId = JSON.readTree(created.body()).get("id").asString();
        assertThat(send(api("/api/schedules/" + scheduleId + "/online").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> callback = callback(callbackAsDolphinSchedulerSendsIt());
        assertThat(callback.statusCode()).isEqualTo(200);

        HttpResponse<String> executions = send(api("/api/executions?scheduleId=" + scheduleId).GET());
        JsonNode recorded = JSON.readTree(executions.body());
        assertThat(recorded.get("total").asInt()).isEqualTo(1);
        assertThat(recorded.get("items").get(0).get("status").asString()).isEqualTo("succeed");
        assertThat(recorded.get("items").get(0).get("runKey").asString()).isEqualTo("20261125020000");
        assertThat(recorded.get("items").get(0).get("durationSeconds").asInt()).isEqualTo(184);

        Map<String, Object> outbox = jdbc.queryForMap(
                "SELECT status, target_redacted, target_kind, body FROM notification_outbox WHERE schedule_id = ?",
                scheduleId);
        assertThat(outbox.get("status")).isEqualTo("PENDING");
        assertThat((String) outbox.get("target_redacted")).matches("https://open\\.feishu\\.cn/…#[0-9a-f]{6}");
        assertThat(outbox.get("target_kind")).isEqualTo("FEISHU");
        assertThat((String) outbox.get("body")).contains("Byzer Notebook Schedule Task Notification:",
                "sales daily", "00:03:04", "succeed");

        HttpResponse<String> audit = send(api("/api/schedules/" + scheduleId + "/audit").GET());
        assertThat(audit.body()).contains("CREATED", "LINKED", "EXECUTION_RECORDED").doesNotContain("SECRET");
    }

    private HttpResponse<String> callback(String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/schedule/execution"))
                .header("Content-Type", "application/json").header("Content-Encoding", "UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Observed on a real 1.3.9: the token read from a task's log, sent with no user at all, ran bob's
     * notebook at a commit and with parameters the caller chose, on a schedule never put online.
     */
    @Test
    void a_credential_lifted_from_a_task_definition_cannot_run_anything_else_or_anything_offline() throws Exception {
        HttpResponse<String> created = send(api("/api/schedules").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "never online", "tasks": [{"entity": {"type": "notebook", "id": "nb-2"}}],
                         "cron": {"expression": "0 3 * * *", "start": "2026-01-01T00:00:00"}}""")));
        String scheduleId = JSON.readTree(created.body()).get("id").asString();
        String definition = DOLPHIN.findAll(postRequestedFor(urlPathEqualTo(PROJECT + "/process/save"))).stream()
                .map(request -> request.formParameter("processDefinitionJson").firstValue())
                .filter(json -> json.contains(scheduleId)).findFirst().orElseThrow();
        Map<String, String> body = new LinkedHashMap<>();
        JSON.readTree(definition).get("tasks").get(0).get("params").get("httpParams").valueStream()
                .forEach(param -> body.put(param.get("prop").asString(), param.get("value").asString()));
        String lifted = body.get("token");
        String taskName = body.get("task_name");
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM execution_result", Integer.class);

        assertThat(definition).doesNotContain("cb-token-SECRET");
        assertThat(callback("{\"token\":\"" + lifted + "\",\"entity_type\":\"notebook\",\"entity_id\":\"nb-bob\","
                + "\"commit_id\":\"evil\",\"run_key\":\"forged-1\",\"evil_param\":\"x\"}").statusCode())
                .isEqualTo(401);
        assertThat(callback("{\"token\":\"" + lifted + "\",\"schedule_id\":\"" + scheduleId + "\",\"task_name\":"
                + "\"" + taskName + "\",\"entity_type\":\"notebook\",\"entity_id\":\"nb-2\",\"run_key\":\"forged-2\"}")
                .statusCode()).as("offline and nobody asked for a run").isEqualTo(409);
        assertThat(callback("{\"token\":\"cb-token-SECRET\",\"schedule_id\":\"" + scheduleId + "\",\"task_name\":"
                + "\"" + taskName + "\",\"run_key\":\"forged-3\"}").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM execution_result", Integer.class)).isEqualTo(before);
    }

    @Test
    void the_same_callback_with_a_wrong_token_is_401_and_leaves_no_trace() throws Exception {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM execution_result", Integer.class);

        HttpResponse<String> callback = send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/schedule/execution"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"entity_type\":\"notebook\",\"entity_id\":\"nb-1\",\"token\":\"wrong\"}")));

        assertThat(callback.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM execution_result", Integer.class)).isEqualTo(before);
    }
}
