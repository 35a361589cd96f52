package org.notebookscheduler.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The app as the README starts it: embedded H2 in a file, health endpoint, startup refusals. */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("notebook-scheduler")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        args[2] = "--notebook.scheduler.security.initial-admin-password-file=" + dataDir.resolve("initial-admin-password");
        System.arraycopy(extra, 0, args, 3, extra.length);
        return NotebookSchedulerApplication.application().run(args);
    }

    @Test
    void the_first_lines_say_which_engine_and_runner_are_active_and_where_the_api_is(@TempDir Path dataDir,
            org.springframework.boot.test.system.CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(dataDir)) {
            String port = app.getEnvironment().getProperty("local.server.port");

            assertThat(output.getOut()).contains("new schedules go to the Embedded engine",
                    "notebooks run with the command runner in ", "notebook: sh examples/notebooks/{entity_id}.sh",
                    "API at http://localhost:" + port + "/api").doesNotContain("No NotebookRunner is configured");
        }
    }

    @Test
    void the_first_lines_warn_when_no_runner_will_run_the_notebooks(@TempDir Path dataDir, CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(dataDir, "--notebook.scheduler.runner.kind=none")) {
            assertThat(output.getOut()).contains("notebooks run with no runner", "No NotebookRunner is configured");
        }
    }

    @Test
    void the_first_lines_name_the_notebook_backend_the_http_runner_calls_but_not_its_token(@TempDir Path dataDir,
            CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(dataDir, "--notebook.scheduler.runner.kind=http",
                "--notebook.scheduler.runner.http.url=http://byzer.internal:9002/api/schedule/execution",
                "--notebook.scheduler.runner.http.token=byzer-callback-secret")) {
            assertThat(output.getOut()).contains("notebooks run with the HTTP runner (BYZER dialect) calling"
                    + " http://byzer.internal:9002/api/schedule/execution").doesNotContain("byzer-callback-secret");
        }
    }

    @Test
    void the_app_starts_on_an_embedded_database_and_reports_itself_up(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = start(dataDir)) {
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            JsonNode scheduler = JSON.readTree(health.body()).path("components").path("notebookScheduler");
            assertThat(scheduler.path("status").asString()).isEqualTo("UP");
            assertThat(scheduler.path("components").path("engines").path("components").path("Embedded")
                    .path("status").asString()).isEqualTo("UP");
            assertThat(scheduler.path("components").path("outbox").path("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void the_embedded_database_is_a_file_that_outlives_a_restart(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.execute("create table restart_probe (note varchar(20))");
            jdbc.update("insert into restart_probe values ('kept')");
        }
        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("select note from restart_probe", String.class))
                    .isEqualTo("kept");
        }
    }

    @Test
    void the_default_database_lives_under_data_in_the_working_directory() {
        try (var in = ApplicationTest.class.getResourceAsStream(NotebookSchedulerApplication.STANDALONE_DEFAULTS)) {
            String properties = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(properties).contains("spring.datasource.url=jdbc:h2:file:./data/notebook-scheduler");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void an_unknown_warning_type_stops_startup_and_the_report_names_the_property_and_the_accepted_values(
            @TempDir Path dataDir, CapturedOutput output) {
        assertThatThrownBy(() -> start(dataDir, "--notebook.scheduler.warning-type=SOMETIMES")).isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("notebook.scheduler.warning-type")
                .contains("ALL", "FAILURE", "NONE", "SUCCESS");
    }
}
