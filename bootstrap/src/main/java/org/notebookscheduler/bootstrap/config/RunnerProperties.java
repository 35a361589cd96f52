package org.notebookscheduler.bootstrap.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.notebookscheduler.adapters.runner.CommandNotebookRunner;
import org.notebookscheduler.adapters.runner.CommandRunnerSettings;
import org.notebookscheduler.adapters.runner.HttpRunnerDialect;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.shared.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * notebook.scheduler.runner.*: which of this module's runners runs the notebooks when the
 * host provides no NotebookRunner of its own. Checked at startup like the other properties.
 *
 * @param kind    NONE (the host provides the runner; without one every run fails, saying
 *                so), HTTP or COMMAND
 * @param http    the notebook backend the HTTP runner calls
 * @param command the programs the command runner starts
 */
@ConfigurationProperties(RunnerProperties.PREFIX)
public record RunnerProperties(
        @DefaultValue("NONE") Kind kind,
        @DefaultValue Http http,
        @DefaultValue Command command) implements Validator {

    public static final String PREFIX = SchedulerProperties.PREFIX + ".runner";

    public enum Kind { NONE, HTTP, COMMAND }

    /**
     * @param url            the backend's execution endpoint, e.g. Byzer Notebook's
     *                       http://notebook:9002/api/schedule/execution
     * @param token          Byzer Notebook's callback token (notebook.scheduler.callback-token
     *                       in its own configuration), or the bearer token of a generic backend
     * @param dialect        BYZER (Byzer Notebook's body and answer) or GENERIC
     * @param connectTimeout how long a call may take to connect
     * @param answerGrace    how long past the run's timeout the answer is awaited
     */
    public record Http(
            String url,
            Secret token,
            @DefaultValue("BYZER") HttpRunnerDialect dialect,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration answerGrace) {
    }

    /**
     * @param notebook         the program and arguments that run a notebook, with placeholders such as
     *                         {entity_id}; a comma-separated list in a properties file
     * @param workflow         the same for a workflow
     * @param workingDirectory where the commands run
     * @param environment      variables added to every run's environment
     * @param outputChars      how much of the end of a run's output is kept as its task log
     * @param killGrace        how long a timed-out or stopped run's processes have to end before they are killed
     */
    public record Command(
            List<String> notebook,
            List<String> workflow,
            @DefaultValue(".") String workingDirectory,
            Map<String, String> environment,
            @DefaultValue("16000") int outputChars,
            @DefaultValue("10s") Duration killGrace) {

        public Command {
            notebook = notebook == null ? List.of() : List.copyOf(notebook);
            workflow = workflow == null ? List.of() : List.copyOf(workflow);
            environment = environment == null ? Map.of() : Map.copyOf(environment);
        }

        CommandRunnerSettings settings() {
            Map<EntityType, List<String>> commands = new EnumMap<>(EntityType.class);
            if (!notebook.isEmpty()) {
                commands.put(EntityType.NOTEBOOK, notebook);
            }
            if (!workflow.isEmpty()) {
                commands.put(EntityType.WORKFLOW, workflow);
            }
            return new CommandRunnerSettings(commands, Path.of(workingDirectory).toAbsolutePath().normalize(),
                    environment, outputChars, killGrace);
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return RunnerProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ((RunnerProperties) target).check(new PropertyChecks(errors));
    }

    private void check(PropertyChecks checks) {
        if (kind == Kind.HTTP) {
            String because = "notebook.scheduler.runner.kind is HTTP";
            checks.required("runner.http.url", http.url(), because);
            checks.httpUrl("runner.http.url", http.url());
            checks.required("runner.http.token", http.token(), because);
            checks.positive("runner.http.connectTimeout", http.connectTimeout());
            if (http.answerGrace() == null || http.answerGrace().isNegative()) {
                checks.reject("runner.http.answerGrace", "must be a duration of zero or more, such as 60s");
            }
        }
        if (kind == Kind.COMMAND) {
            if (command.notebook().isEmpty() && command.workflow().isEmpty()) {
                checks.reject("runner.command.notebook", "or notebook.scheduler.runner.command.workflow is required"
                        + " when notebook.scheduler.runner.kind is COMMAND");
            }
            if (!Files.isDirectory(Path.of(command.workingDirectory()))) {
                checks.reject("runner.command.workingDirectory", "must be a directory that exists");
            }
            checks.atLeast("runner.command.outputChars", command.outputChars(), 1);
            checks.atMost("runner.command.outputChars", command.outputChars(), CommandNotebookRunner.MAX_OUTPUT_CHARS);
            checks.positive("runner.command.killGrace", command.killGrace());
            checkCommand(checks, "runner.command.notebook", EntityType.NOTEBOOK, command.notebook());
            checkCommand(checks, "runner.command.workflow", EntityType.WORKFLOW, command.workflow());
        }
    }

    private static void checkCommand(PropertyChecks checks, String field, EntityType type, List<String> command) {
        if (command.isEmpty()) {
            return;
        }
        try {
            new CommandNotebookRunner(new CommandRunnerSettings(Map.of(type, command), Path.of("."), Map.of(), 1,
                    Duration.ofSeconds(1)), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            checks.reject(field, "is not a command this runner can start: " + e.getMessage());
        }
    }
}
