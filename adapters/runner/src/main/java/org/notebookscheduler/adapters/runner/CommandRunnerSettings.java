package org.notebookscheduler.adapters.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.notebookscheduler.domain.schedule.EntityType;

/**
 * What the command runner starts for each kind of entity, and where.
 *
 * @param commands         the program and its arguments, with placeholders, by entity type; a type
 *                         without one cannot run
 * @param workingDirectory where the command runs
 * @param environment      variables added to each run's environment
 * @param outputChars      how much of the end of the output is kept as the task log
 * @param killGrace        how long a timed-out or stopped process tree has to end before it is killed
 */
public record CommandRunnerSettings(Map<EntityType, List<String>> commands, Path workingDirectory,
        Map<String, String> environment, int outputChars, Duration killGrace) {

    public CommandRunnerSettings {
        commands = Map.copyOf(commands);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        if (outputChars < 1 || outputChars > CommandNotebookRunner.MAX_OUTPUT_CHARS) {
            throw new IllegalArgumentException("outputChars must be between 1 and "
                    + CommandNotebookRunner.MAX_OUTPUT_CHARS);
        }
        Objects.requireNonNull(killGrace, "killGrace");
    }
}
