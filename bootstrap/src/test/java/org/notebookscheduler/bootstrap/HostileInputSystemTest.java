package org.notebookscheduler.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.notebookscheduler.adapters.dolphinscheduler.SimulatedDolphinScheduler;
import org.notebookscheduler.application.port.out.NotebookCatalog;
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
 * What a hostile caller sends, over real HTTP into the packaged app: each request answers with
 * the status, the stable code and the field (the request's own JSON path) of a refusal, as problem
 * JSON, never a 500 or a server's HTML page, and nothing is stored or sent to the scheduler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = {NotebookSchedulerApplication.class, HostileInputSystemTest.Host.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:hostile;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "notebook.scheduler.enable=true",
            "notebook.scheduler.security.trust-user-header=true",
            "notebook.scheduler.auth-token=ds-auth-SECRET",
            "notebook.scheduler.callback-token=cb-token-SECRET",
            "notebook.scheduler.callback-url=http://notebook:9002",
            "notebook.scheduler.dolphinscheduler.server-time-zone=Asia/Shanghai",
            "notebook.scheduler.web.max-request-size=64KB"})
class HostileInputSystemTest {

    private static final SimulatedDolphinScheduler DOLPHIN = new SimulatedDolphinScheduler();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALID = """
            {"name": "hostile", "tasks": [{"name": "t", "entity": {"type": "notebook", "id": "nb-1"}%s}],
             "cron": {"expression": "0 2 * * *", "start": "2026-01-01T00:00:00"%s}%s}""";

    @DynamicPropertySource
    static void dolphinScheduler(DynamicPropertyRegistry registry) {
        registry.add("notebook.scheduler.scheduler-url", () -> DOLPHIN.server.baseUrl() + "/dolphinscheduler");
    }

    @TestConfiguration
    static class Host {
        @Bean
        NotebookCatalog catalog() {
            return (type, id) -> type == EntityType.NOTEBOOK && id.startsWith("nb-")
                    ? Optional.of(new NotebookCatalog.Entry(type, id, "notebook " + id,
                            id.startsWith("nb-bob") ? "bob" : "alice", "c0ffee"))
                    : Optional.empty();
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private String bobsSchedule;

    @BeforeAll
    void bobHasASchedule() throws Exception {
        HttpResponse<String> created = send("POST", "/api/schedules", "bob", VALID.formatted("", "", "")
                .replace("nb-1", "nb-bob").replace("hostile", "bob's"));
        assertThat(created.statusCode()).isEqualTo(201);
        bobsSchedule = JSON.readTree(created.body()).get("id").asString();
    }

    @AfterAll
    void stop() {
        DOLPHIN.close();
    }

    /** One hostile request and what it must be answered with. */
    record Hostile(String name, String method, String path, String body, String contentType, int status, String code,
            String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Hostile post(String name, String body, int status, String code, String field) {
        return new Hostile(name, "POST", "/api/schedules", body, "application/json", status, code, field);
    }

    private static Hostile get(String name, String path, int status, String code, String field) {
        return new Hostile(name, "GET", path, null, null, status, code, field);
    }

    private static String task(String extra) {
        return VALID.formatted(extra, "", "");
    }

    private static String cron(String extra) {
        return VALID.formatted("", extra, "");
    }

    private static String top(String extra) {
        return VALID.formatted("", "", extra);
    }

    static Stream<Hostile> hostile() {
        String longValue = "x".repeat(5000);
        return Stream.of(
                post("upstream holding null", task(", \"upstream\": [null]"), 400, "FIELD_REQUIRED", "tasks[0].upstream[0]"),
                post("parameter value over 4,000 characters", task(", \"parameters\": {\"k\": \"" + longValue + "\"}"),
                        400, "FIELD_TOO_LONG", "tasks[0].parameters.k"),
                post("parameter name over 128 characters", task(", \"parameters\": {\"" + "k".repeat(200) + "\": \"v\"}"),
                        400, "FIELD_TOO_LONG", "tasks[0].parameters"),
                post("timeout over the cap", task(", \"timeoutSeconds\": 99999"), 400, "TASK_TIMEOUT_TOO_LONG",
                        "tasks[0].timeoutSeconds"),
                post("negative retry interval", task(", \"retryIntervalSeconds\": -1"), 400, "FIELD_OUT_OF_RANGE",
                        "tasks[0].retryIntervalSeconds"),
                post("retries with a fraction", task(", \"retries\": 1.5"), 400, "REQUEST_MALFORMED", "tasks[0].retries"),
                post("retries as a string", task(", \"retries\": \"2\""), 400, "REQUEST_MALFORMED", "tasks[0].retries"),
                post("retries over the cap", task(", \"retries\": 1000"), 400, "FIELD_OUT_OF_RANGE", "tasks[0].retries"),
                post("name as a number", VALID.formatted("", "", "").replace("\"hostile\"", "123"), 400,
                        "REQUEST_MALFORMED", "name"),
                post("name with a lone surrogate", VALID.formatted("", "", "").replace("hostile", "bob\\ud800x"), 400,
                        "TEXT_INVALID", "name"),
                post("name with a zero-width space", VALID.formatted("", "", "").replace("hostile", "bob\\u200bx"), 400,
                        "TEXT_INVALID", "name"),
                post("name of 101 characters", VALID.formatted("", "", "").replace("hostile", "n".repeat(101)), 400,
                        "FIELD_TOO_LONG", "name"),
                post("blank name", VALID.formatted("", "", "").replace("\"hostile\"", "\"  \""), 400, "FIELD_REQUIRED",
                        "name"),
                post("task name with a control character", task("").replace("\"t\"", "\"a\\u0007b\""), 400,
                        "TEXT_INVALID", "tasks[0].name"),
                post("unknown time zone", cron(", \"timeZone\": \"Mars/Olympus\""), 400, "FIELD_OUT_OF_RANGE",
                        "cron.timeZone"),
                post("time zone other than the scheduler's", cron(", \"timeZone\": \"America/New_York\""), 400,
                        "FIELD_OUT_OF_RANGE", "cron.timeZone"),
                post("start in year 99999", cron("").replace("2026-01-01T00:00:00", "+99999-01-01T00:00:00"), 400,
                        "FIELD_OUT_OF_RANGE", "cron.start"),
                post("end in year 10000", cron(", \"end\": \"+10000-01-01T00:00:00\""), 400,
                        "FIELD_OUT_OF_RANGE", "cron.end"),
                post("window over", cron(", \"end\": \"2026-02-01T00:00:00\""), 400, "CRON_WINDOW_PAST", "cron.end"),
                post("end before start", cron(", \"end\": \"2025-01-01T00:00:00\""), 400, "SCHEDULE_END_BEFORE_START",
                        "cron.end"),
                post("cron every second", cron("").replace("0 2 * * *", "* * * * * ?"), 400, "CRON_TOO_FREQUENT",
                        "cron.expression"),
                post("cron with four fields", cron("").replace("0 2 * * *", "0 2 * *"), 400, "CRON_INVALID",
                        "cron.expression"),
                post("no tasks", VALID.formatted("", "", "").replaceAll("\"tasks\": \\[.*?}}]", "\"tasks\": []"), 400,
                        "SCHEDULE_HAS_NO_TASKS", "tasks"),
                post("unknown entity type", task("").replace("\"notebook\"", "\"spreadsheet\""), 400,
                        "FIELD_OUT_OF_RANGE", "tasks[0].entity.type"),
                post("upstream naming no task", task(", \"upstream\": [\"ghost\"]"), 400, "TASK_UPSTREAM_UNKNOWN",
                        "tasks[0].upstream"),
                post("task depending on itself", task(", \"upstream\": [\"t\"]"), 400, "TASK_DAG_CYCLE",
                        "tasks[0].upstream"),
                post("unknown warning type", top(", \"runSettings\": {\"warningType\": \"SOMETIMES\"}"), 400,
                        "FIELD_OUT_OF_RANGE", "runSettings.warningType"),
                post("warning group as text", top(", \"runSettings\": {\"warningGroupId\": \"abc\"}"), 400,
                        "REQUEST_MALFORMED", "runSettings.warningGroupId"),
                post("robot on ftp", top(", \"notifications\": {\"destinations\": [{\"url\": \"ftp://robot\"}]}"), 400,
                        "FIELD_OUT_OF_RANGE", "notifications.destinations[0].url"),
                post("robot URL over 2,000 characters", top(", \"notifications\": {\"destinations\": [{\"url\": "
                        + "\"https://open.feishu.cn/" + "x".repeat(2100) + "\"}]}"), 400, "FIELD_TOO_LONG",
                        "notifications.destinations[0].url"),
                post("robot secret over 512 characters", top(", \"notifications\": {\"destinations\": [{\"url\": "
                        + "\"https://open.feishu.cn/hook\", \"signingSecret\": \"" + "s".repeat(600) + "\"}]}"), 400,
                        "FIELD_TOO_LONG", "notifications.destinations[0].signingSecret"),
                post("body that is an array", "[1, 2]", 400, "REQUEST_MALFORMED", null),
                post("body that is not JSON", "{\"name\": ", 400, "REQUEST_MALFORMED", null),
                post("empty body", "", 400, "REQUEST_MALFORMED", null),
                new Hostile("body over the limit", "POST", "/api/schedules", "{\"name\": \"" + "x".repeat(70_000) + "\"}",
                        "application/json", 413, "REQUEST_TOO_LARGE", null),
                new Hostile("wrong content type", "POST", "/api/schedules", "name=x", "text/plain", 415,
                        "REQUEST_UNSUPPORTED", null),
                get("page one billion of schedules", "/api/schedules?page=1000000000", 400, "PAGE_INVALID", "page"),
                get("page max int of schedules", "/api/schedules?page=2147483647", 400, "PAGE_INVALID", "page"),
                get("page one billion of executions", "/api/executions?page=1000000000", 400, "PAGE_INVALID", "page"),
                get("page max int of executions", "/api/executions?page=2147483647", 400, "PAGE_INVALID", "page"),
                get("page that is not a number", "/api/schedules?page=abc", 400, "PAGE_INVALID", "page"),
                get("size that is not a number", "/api/executions?size=abc", 400, "PAGE_INVALID", "size"),
                get("size over the cap", "/api/schedules?size=501", 400, "PAGE_INVALID", "size"),
                get("malformed percent-encoding", "/api/schedules?owner=%ff", 400, "REQUEST_MALFORMED", "owner"),
                get("encoded slash in an id", "/api/schedules/a%2Fb", 400, "REQUEST_MALFORMED", null),
                get("id that is not an id", "/api/schedules/not-an-id", 404, "SCHEDULE_NOT_FOUND", "scheduleId"),
                get("unknown execution status", "/api/executions?status=maybe", 400, "FIELD_OUT_OF_RANGE", "status"),
                get("from that is not a time", "/api/executions?from=yesterday", 400, "FIELD_OUT_OF_RANGE", "from"),
                get("run of no schedule", "/api/schedules/00000000-0000-0000-0000-000000000000/runs/1", 404,
                        "SCHEDULE_NOT_FOUND", "scheduleId"),
                new Hostile("callback with the credential in the URL", "POST", "/api/schedule/execution?token=x",
                        "schedule_id=x&task_name=t", "application/x-www-form-urlencoded", 400, "REQUEST_MALFORMED",
                        "token"),
                new Hostile("callback with nothing", "POST", "/api/schedule/execution", "{}", "application/json", 401,
                        "CALLBACK_TOKEN_INVALID", "token"),
                new Hostile("callback with a 10,000-character commit", "POST", "/api/schedule/execution",
                        "{\"token\": \"x\", \"commit_id\": \"" + "c".repeat(10_000) + "\"}", "application/json", 401,
                        "CALLBACK_TOKEN_INVALID", "token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void a_hostile_request_is_refused_with_its_code_and_field_and_nothing_is_stored_or_sent(Hostile hostile)
            throws Exception {
        int schedulesBefore = count("schedule");
        int eventsBefore = count("schedule_event");
        int writesBefore = schedulerWrites();

        HttpResponse<String> answer = send(hostile);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(hostile.status());
        assertThat(answer.headers().firstValue("Content-Type")).as(answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(answer.body());
        if (hostile.code() != null) {
            assertThat(problem.path("code").asString()).as(answer.body()).isEqualTo(hostile.code());
        } else {
            assertThat(problem.path("code").asString()).as(answer.body()).isNotBlank();
        }
        if (hostile.field() != null) {
            assertThat(problem.path("field").asString()).as(answer.body()).isEqualTo(hostile.field());
        }
        assertThat(answer.body()).doesNotContain(bobsSchedule);
        assertThat(count("schedule")).isEqualTo(schedulesBefore);
        assertThat(count("schedule_event")).isEqualTo(eventsBefore);
        assertThat(schedulerWrites()).isEqualTo(writesBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("othersSchedule")
    void another_users_schedule_is_refused_without_revealing_its_id(String name, String method, String body,
            int status) throws Exception {
        HttpResponse<String> answer = send(method, name.replace("{bob}", bobsSchedule), "alice", body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(JSON.readTree(answer.body()).path("code").asString()).isNotBlank();
    }

    Stream<Arguments> othersSchedule() {
        return Stream.of(
                Arguments.of("/api/schedules/{bob}", "GET", null, 403),
                Arguments.of("/api/schedules/{bob}/online", "POST", "", 403),
                Arguments.of("/api/schedules/{bob}", "DELETE", null, 403));
    }

    @org.junit.jupiter.api.Test
    void scheduling_an_entity_someone_else_already_scheduled_does_not_name_their_schedule() throws Exception {
        HttpResponse<String> answer = send("POST", "/api/schedules", "bob",
                VALID.formatted("", "", "").replace("nb-1", "nb-bob").replace("hostile", "another"));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("ENTITY_ALREADY_SCHEDULED");
        HttpResponse<String> asAlice = send("POST", "/api/schedules", "alice",
                VALID.formatted("", "", "").replace("nb-1", "nb-bob-shared"));
        assertThat(asAlice.body()).doesNotContain(bobsSchedule);
    }

    @org.junit.jupiter.api.Test
    void a_header_over_the_limit_is_a_problem_not_a_server_page() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url("/api/schedules")))
                .header("X-Notebook-User", "alice").header("X-Padding", "p".repeat(10_000)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(431);
        assertThat(answer.body()).doesNotContain("<html");
        assertThat(JSON.readTree(answer.body()).path("code").asString()).isEqualTo("REQUEST_HEADERS_TOO_LARGE");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static int schedulerWrites() {
        return (int) DOLPHIN.server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getMethod().getName().equals("POST")
                        || event.getRequest().getUrl().contains("/delete"))
                .count();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> send(Hostile hostile) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(hostile.path())))
                .header("X-Notebook-User", "alice");
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        request.method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(hostile.body()));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("X-Notebook-User", user)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
