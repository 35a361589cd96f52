package org.notebookscheduler.adapters.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.notebookscheduler.application.port.out.NotebookRunner.Outcome;
import org.notebookscheduler.application.port.out.NotebookRunner.Request;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;

/** Real processes (sh, printf, sleep): what an operator's command meets. */
@DisabledOnOs(OS.WINDOWS)
class CommandNotebookRunnerTest {

    @TempDir
    Path workingDirectory;

    private CommandNotebookRunner runner(List<String> command) {
        return runner(command, 4000);
    }

    private CommandNotebookRunner runner(List<String> command, int outputChars) {
        return new CommandNotebookRunner(new CommandRunnerSettings(Map.of(EntityType.NOTEBOOK, command),
                workingDirectory, Map.of("NOTEBOOK_HOME", "/srv/notebooks"), outputChars, Duration.ofSeconds(2)),
                Clock.systemUTC());
    }

    private static Request notebook(String id, Duration timeout, Map<String, String> parameters) {
        return new Request(new EntityRef(EntityType.NOTEBOOK, id, "daily report"), "alice", "c0ffee", parameters,
                timeout);
    }

    private static Request notebook(String id) {
        return notebook(id, Duration.ofSeconds(30), Map.of());
    }

    /** Polls for up to ten seconds: a killed process is reaped a moment after the kill. */
    private static boolean eventually(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void a_command_that_exits_with_zero_succeeds_and_what_it_printed_is_the_task_log() {
        Outcome outcome = runner(List.of("sh", "-c", "echo \"ran $NOTEBOOK_ENTITY_ID at $1 as $NOTEBOOK_OWNER\"", "sh",
                "{commit_id}")).run(notebook("nb-7"));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.error()).isNull();
        assertThat(outcome.output()).isEqualTo("ran nb-7 at c0ffee as alice\n");
        assertThat(outcome.executedBy()).isEqualTo("alice");
    }

    @Test
    void a_command_that_exits_otherwise_fails_with_its_exit_code_and_the_end_of_its_output() {
        Outcome outcome = runner(List.of("sh", "-c", "echo 'cell 1 ok'; echo 'KeyError: region' >&2; exit 3"))
                .run(notebook("nb-7"));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("exited with code 3; its output ends with:\n").endsWith("KeyError: region");
        assertThat(outcome.output()).contains("cell 1 ok", "KeyError: region");
    }

    @Test
    void an_id_full_of_shell_metacharacters_reaches_the_program_as_one_literal_argument() {
        String hostile = "nb'; touch pwned; echo \"$(id)\" `id` | cat > also-pwned & $HOME *";

        Outcome outcome = runner(List.of("printf", "%s|%s", "{entity_id}", "x{parameter:region}"))
                .run(notebook(hostile, Duration.ofSeconds(30), Map.of("region", "; touch pwned-too")));

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.output()).isEqualTo(hostile + "|x; touch pwned-too");
        assertThat(workingDirectory.resolve("pwned")).doesNotExist();
        assertThat(workingDirectory.resolve("also-pwned")).doesNotExist();
        assertThat(workingDirectory.resolve("pwned-too")).doesNotExist();
    }

    @Test
    void a_value_that_would_be_read_as_an_option_or_climb_out_of_the_working_directory_is_refused_unrun() {
        CommandNotebookRunner runner = runner(List.of("sh", "-c", "touch ran", "sh", "{entity_id}", "{parameter:mode}"));

        Outcome option = runner.run(notebook("--version"));
        Outcome climbing = runner.run(notebook("reports/../../etc/passwd"));
        Outcome absolute = runner.run(notebook("/etc/passwd"));
        Outcome parameterOption = runner.run(notebook("nb-7", Duration.ofSeconds(30), Map.of("mode", "-rf")));

        assertThat(option.error()).startsWith("not run: {entity_id} is '--version'");
        assertThat(climbing.error()).contains("climbs out of the working directory");
        assertThat(absolute.error()).contains("is an absolute path");
        assertThat(parameterOption.error()).startsWith("not run: {parameter:mode} is '-rf'");
        assertThat(List.of(option, climbing, absolute, parameterOption)).noneMatch(Outcome::succeeded);
        assertThat(workingDirectory.resolve("ran")).doesNotExist();
    }

    @Test
    void the_run_gets_its_values_and_parameters_in_its_environment_and_not_this_applications_settings() {
        Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin",
                "NOTEBOOK_SCHEDULER_AUTH_TOKEN", "ds-token", "SPRING_DATASOURCE_PASSWORD", "db-password"));

        CommandNotebookRunner.environment(environment, Map.of("NOTEBOOK_HOME", "/srv/notebooks"),
                notebook("nb-7", Duration.ofMinutes(90), Map.of("system.biz.date", "20261124", "region", "emea")));

        assertThat(environment).doesNotContainKeys("NOTEBOOK_SCHEDULER_AUTH_TOKEN", "SPRING_DATASOURCE_PASSWORD")
                .containsEntry("PATH", "/usr/bin")
                .containsEntry("NOTEBOOK_HOME", "/srv/notebooks")
                .containsEntry("NOTEBOOK_ENTITY_TYPE", "notebook")
                .containsEntry("NOTEBOOK_ENTITY_ID", "nb-7")
                .containsEntry("NOTEBOOK_ENTITY_NAME", "daily report")
                .containsEntry("NOTEBOOK_COMMIT_ID", "c0ffee")
                .containsEntry("NOTEBOOK_OWNER", "alice")
                .containsEntry("NOTEBOOK_TIMEOUT_SECONDS", "5400")
                .containsEntry("NOTEBOOK_PARAM_SYSTEM_BIZ_DATE", "20261124")
                .containsEntry("NOTEBOOK_PARAM_REGION", "emea")
                .containsEntry("NOTEBOOK_PARAMETERS", "{\"region\":\"emea\",\"system.biz.date\":\"20261124\"}");
    }

    @Test
    void at_the_timeout_the_process_and_the_processes_it_started_are_ended() throws Exception {
        Outcome outcome = runner(List.of("sh", "-c", "sleep 300 & echo $! > child.pid; echo started; wait"))
                .run(notebook("nb-7", Duration.ofSeconds(2), Map.of()));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("timed out after 2s; the process and the processes it started were"
                + " ended").contains("started");
        long child = Long.parseLong(Files.readString(workingDirectory.resolve("child.pid")).strip());
        assertThat(eventually(() -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) == false))
                .as("the child process %d has ended", child).isTrue();
    }

    @Test
    void a_stopped_run_ends_its_process_tree_at_once_and_says_it_was_stopped() throws Exception {
        CommandNotebookRunner runner = runner(List.of("sh", "-c", "sleep 300 & echo $! > child.pid; wait"));
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Outcome> running = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            return runner.run(notebook("nb-7", Duration.ofMinutes(10), Map.of()));
        });
        Path pidFile = workingDirectory.resolve("child.pid");
        assertThat(eventually(() -> Files.exists(pidFile) && Files.size(pidFile) > 0)).isTrue();

        worker.get().interrupt();

        Outcome outcome = running.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(outcome.error()).startsWith(CommandNotebookRunner.STOPPED
                + "; the process and the processes it started were ended");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(eventually(() -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) == false))
                .as("the child process %d has ended", child).isTrue();
    }

    @Test
    void a_long_output_keeps_its_end_and_says_how_much_came_before() {
        Outcome outcome = runner(List.of("sh", "-c", "i=0; while [ $i -lt 20000 ]; do echo \"progress $i\";"
                + " i=$((i+1)); done; echo 'Traceback: KeyError'; exit 1"), 1000).run(notebook("nb-7"));

        assertThat(outcome.output()).startsWith("[").contains(" earlier bytes of output not kept]\n")
                .endsWith("Traceback: KeyError\n");
        assertThat(outcome.output().length()).isLessThan(1000 + 60);
        assertThat(outcome.error()).endsWith("progress 19999\nTraceback: KeyError").hasSizeLessThan(1100);
    }

    @Test
    void an_entity_type_without_a_command_or_a_program_that_is_not_there_fails_saying_so() {
        Outcome workflow = runner(List.of("true")).run(new Request(new EntityRef(EntityType.WORKFLOW, "wf-1", "etl"),
                "alice", null, Map.of(), Duration.ofSeconds(5)));
        Outcome missing = runner(List.of("no-such-program-here")).run(notebook("nb-7"));

        assertThat(workflow.error()).isEqualTo("no command is configured to run workflow entities");
        assertThat(missing.error()).startsWith("cannot start 'no-such-program-here' in " + workingDirectory);
    }

    @Test
    void a_command_with_an_unknown_placeholder_is_refused_when_the_runner_is_made() {
        assertThatThrownBy(() -> runner(List.of("jupyter", "nbconvert", "{notebook_path}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the command for notebook: argument 2 ('{notebook_path}') has the placeholder"
                        + " {notebook_path}");
        assertThatThrownBy(() -> runner(List.of(" ")))
                .hasMessageContaining("the command is empty");
    }
}
