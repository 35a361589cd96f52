package org.notebookscheduler.adapters.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notebookscheduler.application.port.out.NotebookRunner.Outcome;
import org.notebookscheduler.application.port.out.NotebookRunner.Request;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;

/**
 * A real Jupyter notebook run by {@code jupyter nbconvert --execute}, configured as the README shows.
 * Needs {@code jupyter-nbconvert} and a Python kernel (Debian's {@code jupyter-nbconvert} and
 * {@code python3-ipykernel}); skipped without them, required when {@code CI=true}.
 */
class JupyterNotebookTest {

    /** The README's configuration of the command runner for Jupyter notebooks. */
    static final List<String> NBCONVERT = List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
            "--output-dir", "runs", "--ExecutePreprocessor.timeout=-1", "{entity_id}.ipynb");

    @TempDir
    static Path notebooks;

    @BeforeAll
    static void jupyterIsInstalled() throws Exception {
        boolean installed;
        try {
            Process version = new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true).start();
            installed = version.waitFor() == 0;
        } catch (java.io.IOException notThere) {
            installed = false;
        }
        if (!installed) {
            String reason = "jupyter nbconvert is not installed (Debian: apt-get install jupyter-nbconvert"
                    + " python3-ipykernel)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the Jupyter test, but " + reason);
            }
            System.out.println("JupyterNotebookTest skipped: " + reason);
            Assumptions.abort(reason);
        }
        Files.copy(Path.of("../../examples/jupyter/daily-report.ipynb"), notebooks.resolve("daily-report.ipynb"));
        Files.copy(Path.of("../../examples/jupyter/broken.ipynb"), notebooks.resolve("broken.ipynb"));
    }

    private final CommandNotebookRunner runner = new CommandNotebookRunner(new CommandRunnerSettings(
            Map.of(EntityType.NOTEBOOK, NBCONVERT), notebooks, Map.of(), 8000, Duration.ofSeconds(5)),
            Clock.systemUTC());

    private static Request notebook(String id) {
        return new Request(new EntityRef(EntityType.NOTEBOOK, id, id), "alice", null,
                Map.of("system.biz.date", "20261124"), Duration.ofMinutes(3));
    }

    @Test
    void a_notebook_runs_to_the_end_with_the_runs_values_and_its_executed_copy_is_written() throws Exception {
        Outcome outcome = runner.run(notebook("daily-report"));

        assertThat(outcome.succeeded()).as(outcome.error()).isTrue();
        String executed = Files.readString(notebooks.resolve("runs/daily-report.ipynb"));
        assertThat(executed).contains("report for 20261124 run by alice");
        assertThat(outcome.output()).contains("Writing").contains("daily-report.ipynb");
    }

    @Test
    void a_notebook_whose_cell_raises_fails_with_the_exception_at_the_end_of_its_error() {
        Outcome outcome = runner.run(notebook("broken"));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("exited with code 1").contains("ValueError: no rows for region emea");
    }
}
