package org.notebookscheduler.adapters.runner;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.schedule.EntityType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an entity as a local command (for instance {@code jupyter nbconvert --execute}): started
 * directly, never through a shell, with the run's values in its arguments and environment; its exit
 * code decides success, the end of its output is the task log and, on failure, the error's detail;
 * at the timeout, or when the run is stopped, the process and everything it started are ended.
 *
 * <p>Each run's environment is this application's minus the variables that configure it
 * ({@code NOTEBOOK_SCHEDULER_*}, {@code SPRING_*}: they can hold its secrets), plus the configured
 * ones, plus {@code NOTEBOOK_ENTITY_TYPE}, {@code NOTEBOOK_ENTITY_ID}, {@code NOTEBOOK_ENTITY_NAME},
 * {@code NOTEBOOK_COMMIT_ID}, {@code NOTEBOOK_OWNER}, {@code NOTEBOOK_TIMEOUT_SECONDS},
 * {@code NOTEBOOK_PARAMETERS} (all parameters as a JSON object) and one {@code NOTEBOOK_PARAM_<NAME>}
 * per parameter (upper case, other characters than letters and digits as {@code _}).
 */
public final class CommandNotebookRunner implements NotebookRunner {

    /** The most of a run's output any runner hands on: what the engines' task logs keep. */
    public static final int MAX_OUTPUT_CHARS = 65_536;
    /**
     * Why an attempt ended when the engine interrupted it: a stop, or the engine's own count of the
     * task's timeout, which can run out a moment before the runner's.
     */
    static final String STOPPED = "stopped by the engine (a stop command, or the task's timeout as the engine"
            + " counts it)";
    /** How much of the output's end a failure's error message carries. */
    static final int ERROR_DETAIL_CHARS = 1000;
    private static final Duration READER_WAIT = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CommandRunnerSettings settings;
    private final Map<EntityType, CommandLine> commands = new EnumMap<>(EntityType.class);
    private final Clock clock;

    /** @throws IllegalArgumentException naming the entity type whose command is malformed */
    public CommandNotebookRunner(CommandRunnerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        settings.commands().forEach((type, command) -> {
            try {
                commands.put(type, new CommandLine(command));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the command for " + type.wireName() + ": " + e.getMessage(), e);
            }
        });
    }

    /** The configured commands as they are shown: program and arguments, by entity type. */
    public Map<EntityType, List<String>> commands() {
        return settings.commands();
    }

    @Override
    public Outcome run(Request request) {
        Instant startedAt = clock.instant();
        CommandLine command = commands.get(request.entity().type());
        if (command == null) {
            return failed(request, startedAt, "no command is configured to run " + request.entity().type().wireName()
                    + " entities", null);
        }
        ProcessBuilder builder;
        try {
            builder = new ProcessBuilder(command.arguments(request)).directory(settings.workingDirectory().toFile())
                    .redirectErrorStream(true);
            environment(builder.environment(), settings.environment(), request);
        } catch (CommandLine.UnsafeValue | IllegalArgumentException refused) {
            return failed(request, startedAt, "not run: " + refused.getMessage(), null);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return failed(request, startedAt, "cannot start '" + command.program() + "' in "
                    + settings.workingDirectory() + ": " + e.getMessage(), null);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // a process that already closed its input reads nothing from it either way
        }
        OutputTail tail = new OutputTail(settings.outputChars());
        Thread reader = new Thread(() -> tail.drain(process.getInputStream()), "runner-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        String ended = waitFor(process, request.timeout());
        awaitOutput(reader);
        String output = tail.text();
        if (ended != null) {
            return failed(request, startedAt, ended + "; the process and the processes it started were ended"
                    + detail(output), output);
        }
        int exit = process.exitValue();
        if (exit == 0) {
            return new Outcome(true, request.owner(), startedAt, clock.instant(), null, output);
        }
        return failed(request, startedAt, "exited with code " + exit + detail(output), output);
    }

    /** @return null when the process exited by itself; otherwise why it was ended */
    private String waitFor(Process process, Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
            ProcessTree.end(process, settings.killGrace());
            return "timed out after " + timeout.toSeconds() + "s";
        } catch (InterruptedException stopped) {
            ProcessTree.end(process, settings.killGrace());
            Thread.currentThread().interrupt();
            return STOPPED;
        }
    }

    /** The output ends when the last process holding the pipe does; a stray one must not hold the run. */
    private static void awaitOutput(Thread reader) {
        boolean interrupted = Thread.interrupted();
        try {
            reader.join(READER_WAIT.toMillis());
        } catch (InterruptedException again) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Makes {@code environment}, this application's, the run's: see the class's description. */
    static void environment(Map<String, String> environment, Map<String, String> configured, Request request) {
        environment.keySet().removeIf(name -> name.toUpperCase(Locale.ROOT).startsWith("NOTEBOOK_SCHEDULER_")
                || name.toUpperCase(Locale.ROOT).startsWith("SPRING_"));
        environment.putAll(configured);
        environment.put("NOTEBOOK_ENTITY_TYPE", request.entity().type().wireName());
        environment.put("NOTEBOOK_ENTITY_ID", request.entity().id());
        environment.put("NOTEBOOK_ENTITY_NAME", request.entity().name());
        environment.put("NOTEBOOK_COMMIT_ID", request.commitId() == null ? "" : request.commitId());
        environment.put("NOTEBOOK_OWNER", request.owner());
        environment.put("NOTEBOOK_TIMEOUT_SECONDS", String.valueOf(HttpRunnerDialect.timeoutSeconds(request)));
        environment.put("NOTEBOOK_PARAMETERS", JSON.writeValueAsString(new TreeMap<>(request.parameters())));
        request.parameters().forEach((name, value) -> environment.put("NOTEBOOK_PARAM_"
                + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
    }

    /** The end of the output, from a line start, for the error message: where a traceback says what broke. */
    private static String detail(String output) {
        String trimmed = output.strip();
        if (trimmed.isEmpty()) {
            return " (it printed nothing)";
        }
        String end = Text.tail(trimmed, ERROR_DETAIL_CHARS);
        int lineStart = end.indexOf('\n');
        if (end.length() < trimmed.length() && lineStart >= 0 && lineStart < end.length() - 1) {
            end = end.substring(lineStart + 1);
        }
        return "; its output ends with:\n" + end;
    }

    private Outcome failed(Request request, Instant startedAt, String error, String output) {
        return new Outcome(false, request.owner(), startedAt, clock.instant(), error, output);
    }

    /** Says what it starts and where. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("the command runner in ").append(settings.workingDirectory());
        settings.commands().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(command -> text
                .append(", ").append(command.getKey().wireName()).append(": ")
                .append(String.join(" ", command.getValue())));
        return text.toString();
    }
}
