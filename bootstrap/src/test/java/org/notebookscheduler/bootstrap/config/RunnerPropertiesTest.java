package org.notebookscheduler.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.notebookscheduler.adapters.runner.CommandNotebookRunner;
import org.notebookscheduler.adapters.runner.HttpNotebookRunner;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.bootstrap.host.NoNotebookRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code notebook.scheduler.runner.*}: which runner runs the notebooks, checked at startup. */
class RunnerPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SchedulerConfiguration.class, RunnerConfiguration.class, SecretConverter.class);

    @Test
    void the_module_leaves_running_notebooks_to_the_host_unless_told_otherwise() {
        runner.run(context -> assertThat(context.getBean(NotebookRunner.class)).isInstanceOf(NoNotebookRunner.class));
    }

    @Test
    void a_runner_the_host_provides_wins_over_the_configured_kind() {
        NotebookRunner hosts = request -> null;
        runner.withBean(NotebookRunner.class, () -> hosts).withPropertyValues("notebook.scheduler.runner.kind=command",
                "notebook.scheduler.runner.command.notebook=true").run(context ->
                assertThat(context.getBean(NotebookRunner.class)).isSameAs(hosts));
    }

    @Test
    void the_http_runner_takes_a_url_and_a_token_and_speaks_byzer_unless_told_otherwise() {
        runner.withPropertyValues("notebook.scheduler.runner.kind=HTTP",
                "notebook.scheduler.runner.http.url=http://byzer:9002/api/schedule/execution",
                "notebook.scheduler.runner.http.token=byzer-callback-secret").run(context -> {
                    assertThat(context.getBean(NotebookRunner.class)).isInstanceOf(HttpNotebookRunner.class)
                            .hasToString("the HTTP runner (BYZER dialect) calling http://byzer:9002/api/schedule/execution");
                    assertThat(context.getBean(RunnerProperties.class).http().token().toString()).isEqualTo("******");
                });
    }

    @Test
    void an_http_runner_without_its_url_or_token_stops_startup_naming_them_and_not_the_token() {
        runner.withPropertyValues("notebook.scheduler.runner.kind=http").run(context -> assertThat(StartupFailure.of(context))
                .contains("notebook.scheduler.runner.http.url is required when notebook.scheduler.runner.kind is HTTP",
                        "notebook.scheduler.runner.http.token is required"));
        runner.withPropertyValues("notebook.scheduler.runner.kind=http", "notebook.scheduler.runner.http.url=byzer:9002",
                "notebook.scheduler.runner.http.token=byzer-callback-secret").run(context -> assertThat(StartupFailure.of(context))
                .contains("notebook.scheduler.runner.http.url must be an http:// or https:// URL with a host")
                .doesNotContain("byzer-callback-secret"));
    }

    @Test
    void the_command_runner_binds_a_comma_separated_command_per_entity_type() {
        runner.withPropertyValues("notebook.scheduler.runner.kind=command",
                "notebook.scheduler.runner.command.notebook=jupyter,nbconvert,--execute,{entity_id}.ipynb",
                "notebook.scheduler.runner.command.environment.JUPYTER_PATH=/srv/jupyter").run(context -> {
                    assertThat(context.getBean(NotebookRunner.class)).isInstanceOf(CommandNotebookRunner.class)
                            .asString().endsWith(", notebook: jupyter nbconvert --execute {entity_id}.ipynb");
                    assertThat(context.getBean(RunnerProperties.class).command().environment())
                            .containsEntry("JUPYTER_PATH", "/srv/jupyter");
                });
    }

    @Test
    void a_command_runner_without_a_command_or_with_an_unknown_placeholder_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.runner.kind=command").run(context -> assertThat(StartupFailure.of(context))
                .contains("notebook.scheduler.runner.command.notebook or notebook.scheduler.runner.command.workflow is"
                        + " required when notebook.scheduler.runner.kind is COMMAND"));
        runner.withPropertyValues("notebook.scheduler.runner.kind=command",
                "notebook.scheduler.runner.command.workflow=run-workflow,{workflow_path}").run(context ->
                assertThat(StartupFailure.of(context)).contains("notebook.scheduler.runner.command.workflow is not a command"
                        + " this runner can start: the command for workflow: argument 1 ('{workflow_path}') has the"
                        + " placeholder {workflow_path}"));
    }

    @Test
    void a_command_runner_in_a_directory_that_is_not_there_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.runner.kind=command", "notebook.scheduler.runner.command.notebook=true",
                "notebook.scheduler.runner.command.working-directory=/no/such/directory").run(context ->
                assertThat(StartupFailure.of(context)).contains("notebook.scheduler.runner.command.working-directory must be a"
                        + " directory that exists"));
    }

    @Test
    void an_unknown_runner_kind_stops_startup_naming_the_property() {
        runner.withPropertyValues("notebook.scheduler.runner.kind=jupyter").run(context -> assertThat(StartupFailure.of(context))
                .contains("notebook.scheduler.runner.kind"));
    }
}
