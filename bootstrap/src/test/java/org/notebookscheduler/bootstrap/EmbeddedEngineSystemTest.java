package org.notebookscheduler.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.domain.schedule.EntityType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole module with the embedded engine and no DolphinScheduler at all: no scheduler URL and
 * no token configured, a schedule created, put online and run over HTTP, its DAG run in-process,
 * and its run, attempts and results readable through the same API as with DolphinScheduler.
 */
@SpringBootTest(classes = {NotebookSchedulerApplication.class, EmbeddedEngineSystemTest.Host.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:embedded;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
            "spring.jpa.hibernate.ddl-auto=validate",
            "notebook.scheduler.enable=true",
            "notebook.scheduler.security.trust-user-header=true",
            "notebook.scheduler.scheduler-name=Embedded",
            "notebook.scheduler.embedded.heartbeat=1s"})
class EmbeddedEngineSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The host: it knows alice's notebooks nb-1 and nb-2, and runs notebooks successfully. */
    @TestConfiguration
    static class Host {
        @Bean
        NotebookCatalog catalog() {
            return (type, id) -> type == EntityType.NOTEBOOK && (id.equals("nb-1") || id.equals("nb-2"))
                    ? Optional.of(new NotebookCatalog.Entry(type, id, "notebook " + id, "alice", "c0ffee"))
                    : Optional.empty();
        }

        @Bean
        NotebookRunner runner() {
            return request -> new NotebookRunner.Outcome(true, request.owner(), Instant.now(), Instant.now(), null);
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

    @Test
    void a_schedule_runs_its_dag_in_process_and_its_run_and_results_are_read_over_http() throws Exception {
        HttpResponse<String> created = send(api("/api/schedules").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "pipeline", "tasks": [
                           {"name": "extract", "entity": {"type": "notebook", "id": "nb-1"}},
                           {"name": "report", "entity": {"type": "notebook", "id": "nb-2"}, "upstream": ["extract"]}],
                         "cron": {"expression": "0 2 * * *", "start": "2026-01-01T00:00:00"}}""")));
        assertThat(created.statusCode()).isEqualTo(201);
        String scheduleId = JSON.readTree(created.body()).get("id").asString();
        assertThat(send(api("/api/schedules/" + scheduleId + "/online").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM NS_QRTZ_CRON_TRIGGERS", Integer.class)).isEqualTo(1);

        HttpResponse<String> started = send(api("/api/schedules/" + scheduleId + "/run")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(202);
        String runId = JSON.readTree(started.body()).get("runId").asString();

        JsonNode run = null;
        for (int poll = 0; poll < 100; poll++) {
            run = JSON.readTree(send(api("/api/schedules/" + scheduleId + "/runs/" + runId).GET()).body());
            if (run.get("run").get("finished").asBoolean()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(run.get("run").get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.get("tasks").valueStream().map(task -> task.get("taskName").asString()))
                .containsExactly("extract", "report");

        JsonNode executions = JSON.readTree(send(api("/api/executions?scheduleId=" + scheduleId).GET()).body());
        assertThat(executions.get("total").asInt()).isEqualTo(2);
        assertThat(executions.get("items").valueStream().map(item -> item.get("runId").asString()))
                .containsOnly(runId);
        assertThat(send(api("/api/schedules/" + scheduleId + "/audit").GET()).body())
                .contains("RUN_REQUESTED", "EXECUTION_RECORDED");
    }
}
