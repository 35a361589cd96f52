package org.notebookscheduler.adapters.embedded;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.run.TaskRun;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The embedded engine's runs, in {@code engine_run} (one row per run) and {@code engine_task_run}
 * (one row per task attempt, whose note is the attempt's log). Times are UTC.
 */
final class RunStore {

    static final int MAX_NOTE_LENGTH = 2000;
    /** The end of what a runner printed is kept, up to this many chars: where a traceback ends. */
    static final int MAX_OUTPUT_LENGTH = 65_536;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RunStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new run of the schedule, running now on {@code runner}. */
    RunId start(ScheduleId scheduleId, Optional<Instant> scheduledFor, String runner) {
        RunId id = new RunId(UUID.randomUUID().toString());
        Instant now = clock.instant();
        jdbc.update("INSERT INTO engine_run (id, schedule_id, run_times, state, scheduled_for, started_at, runner,"
                + " heartbeat_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?)", id.value(), scheduleId.toString(),
                RunState.RUNNING.name(), column(scheduledFor.orElse(null)), column(now), runner, column(now));
        return id;
    }

    /**
     * The run goes again on {@code runner}: resumed (the same run key, so its attempts go on
     * counting) or started afresh (a repeat or a rerun of its failed tasks: a new run key).
     *
     * @return the run's times started, which its run key is made of
     */
    /**
     * @param newStart present for a new start of the run (a repeat, or a rerun of its failed
     *                 tasks), with the tasks it takes as succeeded without running them; empty to
     *                 resume the current start, whose attempts go on counting
     * @param from     the states the run may be restarted from; two restarts at once (a double
     *                 click, two instances) find it RUNNING after the first, and the second is refused
     * @return the run's times started, or empty when the run was in none of {@code from}
     */
    Optional<Integer> restart(RunId run, Optional<Set<String>> newStart, String runner, Set<RunState> from) {
        Instant now = clock.instant();
        List<String> states = from.stream().map(RunState::name).toList();
        String in = String.join(", ", states.stream().map(state -> "?").toList());
        List<Object> arguments = new java.util.ArrayList<>(List.of(RunState.RUNNING.name(),
                newStart.isPresent() ? 1 : 0, runner, column(now), run.value()));
        arguments.addAll(states);
        int moved = jdbc.update("UPDATE engine_run SET state = ?, run_times = run_times + ?, ended_at = NULL,"
                + " runner = ?, heartbeat_at = ?, requested = NULL WHERE id = ? AND state IN (" + in + ")",
                arguments.toArray());
        if (moved != 1) {
            return Optional.empty();
        }
        newStart.ifPresent(carried -> jdbc.update("UPDATE engine_run SET carried = ? WHERE id = ?",
                carried.isEmpty() ? null : String.join("\n", new java.util.TreeSet<>(carried)), run.value()));
        return Optional.of(runTimes(run));
    }

    Optional<RunState> state(RunId run) {
        return jdbc.queryForList("SELECT state FROM engine_run WHERE id = ?", String.class, run.value()).stream()
                .findFirst().map(RunState::valueOf);
    }

    int runTimes(RunId run) {
        return jdbc.queryForObject("SELECT run_times FROM engine_run WHERE id = ?", Integer.class, run.value());
    }

    /**
     * The run {@code runner} was deciding ended; an attempt still marked running (the instance is
     * shutting down) ends KILLED with it. Nothing is written when the run is not {@code runner}'s
     * any more (another instance ended it as interrupted, and it may be running again elsewhere).
     */
    void ended(RunId run, RunState state, String runner) {
        Instant now = clock.instant();
        if (jdbc.update("UPDATE engine_run SET state = ?, ended_at = ?, runner = NULL, requested = NULL WHERE id = ?"
                + " AND runner = ?", state.name(), column(now), run.value(), runner) == 1) {
            jdbc.update("UPDATE engine_task_run SET state = ?, ended_at = ?, note = ? WHERE run_id = ? AND state = ?",
                    RunState.KILLED.name(), column(now), "the run ended before the attempt did (the instance"
                            + " stopped)", run.value(), RunState.RUNNING.name());
        }
    }

    /**
     * The runs {@code runner} is deciding now are alive. Only those: a row it failed to end (the
     * database was away for a moment) goes stale and is ended by whoever sees it, never kept alive.
     */
    void heartbeat(String runner, Set<RunId> live) {
        for (RunId run : live) {
            jdbc.update("UPDATE engine_run SET heartbeat_at = ? WHERE id = ? AND runner = ? AND state = ?",
                    column(clock.instant()), run.value(), runner, RunState.RUNNING.name());
        }
    }

    /**
     * Runs still marked running whose instance has not said so since {@code staleBefore} were
     * interrupted by a crash: they end FAILED, and their attempts still running end KILLED.
     *
     * @return how many runs were so ended
     */
    int endInterrupted(Instant staleBefore) {
        List<String> stale = jdbc.queryForList("SELECT id FROM engine_run WHERE state = ? AND (heartbeat_at IS NULL"
                + " OR heartbeat_at < ?)", String.class, RunState.RUNNING.name(), column(staleBefore));
        int ended = 0;
        Instant now = clock.instant();
        for (String id : stale) {
            if (jdbc.update("UPDATE engine_run SET state = ?, ended_at = ?, runner = NULL WHERE id = ? AND state = ?"
                    + " AND (heartbeat_at IS NULL OR heartbeat_at < ?)", RunState.FAILED.name(), column(now), id,
                    RunState.RUNNING.name(), column(staleBefore)) == 1) {
                jdbc.update("UPDATE engine_task_run SET state = ?, ended_at = ?, note = ? WHERE run_id = ?"
                        + " AND state = ?", RunState.KILLED.name(), column(now), "the instance running it stopped"
                        + " (a crash or a kill) before the attempt ended", id, RunState.RUNNING.name());
                ended++;
            }
        }
        return ended;
    }

    /** Asks the instance running {@code run} to pause or stop it; false when it is not running. */
    boolean request(RunId run, String what) {
        return jdbc.update("UPDATE engine_run SET requested = ? WHERE id = ? AND state = ?", what, run.value(),
                RunState.RUNNING.name()) == 1;
    }

    /** What was asked of the runs {@code runner} is running, by run. */
    Map<RunId, String> requested(String runner) {
        return jdbc.query("SELECT id, requested FROM engine_run WHERE runner = ? AND state = ? AND requested IS NOT"
                + " NULL", (row, number) -> Map.entry(new RunId(row.getString("id")), row.getString("requested")),
                runner, RunState.RUNNING.name()).stream().collect(Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue));
    }

    /** Where the {@code runTimes}-th start of a run writes its attempts. */
    RunJournal journal(RunId run, int runTimes) {
        return new RunJournal() {
            @Override
            public String attemptStarted(String taskName, int attempt, Instant at) {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.update(connection -> {
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO engine_task_run (run_id,"
                            + " run_times, task_name, attempt, state, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    insert.setString(1, run.value());
                    insert.setInt(2, runTimes);
                    insert.setString(3, taskName);
                    insert.setInt(4, attempt);
                    insert.setString(5, RunState.RUNNING.name());
                    insert.setObject(6, column(at));
                    return insert;
                }, key);
                return String.valueOf(key.getKeyList().get(0).values().iterator().next());
            }

            @Override
            public void attemptEnded(String taskRunId, RunState state, Instant at, String note, String output) {
                jdbc.update("UPDATE engine_task_run SET state = ?, ended_at = ?, note = ?, runner_output = ? WHERE id"
                        + " = ?", state.name(), column(at), note == null ? null : Text.cut(note, MAX_NOTE_LENGTH),
                        output == null ? null : Text.tail(output, MAX_OUTPUT_LENGTH), Long.parseLong(taskRunId));
            }
        };
    }

    /** The schedule's runs, newest first. */
    Page<Run> page(ScheduleId scheduleId, PageRequest page) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM engine_run WHERE schedule_id = ?", Long.class,
                scheduleId.toString());
        List<Run> runs = jdbc.query("SELECT * FROM engine_run WHERE schedule_id = ? ORDER BY started_at DESC, id"
                + " LIMIT ? OFFSET ?", (row, number) -> run(row), scheduleId.toString(), page.size(), page.offset());
        return new Page<>(runs, page.page(), page.size(), total);
    }

    /** The run with every task attempt, or empty when it is not one of the schedule's runs. */
    Optional<RunDetail> detail(ScheduleId scheduleId, RunId runId) {
        Optional<Run> run = jdbc.query("SELECT * FROM engine_run WHERE id = ? AND schedule_id = ?",
                (row, number) -> run(row), runId.value(), scheduleId.toString()).stream().findFirst();
        return run.map(found -> new RunDetail(found, taskRuns(runId)));
    }

    /**
     * What the attempt's runner said (its error, a timeout, a kill) and then what it printed; empty
     * when the attempt is not the run's.
     */
    Optional<String> taskLog(RunId runId, String taskRunId) {
        long id;
        try {
            id = Long.parseLong(taskRunId);
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
        return jdbc.query("SELECT state, note, runner_output FROM engine_task_run WHERE id = ? AND run_id = ?",
                (row, number) -> row.getString("state") + Optional.ofNullable(row.getString("note"))
                        .map(note -> ": " + note).orElse("") + Optional.ofNullable(row.getString("runner_output"))
                        .map(output -> "\n--- output ---\n" + output).orElse(""), id, runId.value())
                .stream().findFirst();
    }

    /**
     * The tasks the run's current start counts as succeeded: those it carried from the start before
     * (a rerun of failed tasks) and those that succeeded in it. A resume does not run them again,
     * and a rerun of the failed tasks carries them on.
     */
    Set<String> succeededTasks(RunId runId) {
        Set<String> succeeded = new HashSet<>();
        jdbc.query("SELECT run_times, carried FROM engine_run WHERE id = ?", row -> {
            Optional.ofNullable(row.getString("carried")).filter(text -> !text.isEmpty())
                    .ifPresent(text -> succeeded.addAll(List.of(text.split("\n"))));
            succeeded.addAll(jdbc.queryForList("SELECT DISTINCT task_name FROM engine_task_run WHERE run_id = ?"
                    + " AND run_times = ? AND state = ?", String.class, runId.value(), row.getInt("run_times"),
                    RunState.SUCCEEDED.name()));
        }, runId.value());
        return succeeded;
    }

    /** How many attempts each task has had in the run's current start: a resume goes on counting. */
    Map<String, Integer> attemptsSoFar(RunId runId) {
        return jdbc.query("SELECT t.task_name, MAX(t.attempt) AS attempts FROM engine_task_run t JOIN engine_run r"
                + " ON r.id = t.run_id AND r.run_times = t.run_times WHERE t.run_id = ? GROUP BY t.task_name",
                (row, number) -> Map.entry(row.getString("task_name"), row.getInt("attempts")), runId.value())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<TaskRun> taskRuns(RunId runId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM engine_task_run WHERE run_id = ?"
                + " ORDER BY task_name, run_times, attempt, id", runId.value());
        // ordered, so each task's last row is its latest attempt, over every start of the run
        Map<String, Object> latest = rows.stream().collect(Collectors.toMap(row -> (String) row.get("task_name"),
                row -> row.get("id"), (earlier, later) -> later));
        return rows.stream().map(row -> {
            String task = (String) row.get("task_name");
            int attempt = ((Number) row.get("attempt")).intValue();
            return new TaskRun(String.valueOf(row.get("id")), task, RunState.valueOf((String) row.get("state")),
                    Optional.ofNullable(instant(row.get("started_at"))), Optional.ofNullable(instant(row.get("ended_at"))),
                    attempt - 1, latest.get(task).equals(row.get("id")));
        }).toList();
    }

    private static Run run(ResultSet row) throws SQLException {
        return new Run(new RunId(row.getString("id")), RunState.valueOf(row.getString("state")),
                Optional.ofNullable(instant(row.getObject("scheduled_for", LocalDateTime.class))),
                Optional.ofNullable(instant(row.getObject("started_at", LocalDateTime.class))),
                Optional.ofNullable(instant(row.getObject("ended_at", LocalDateTime.class))));
    }

    private static LocalDateTime column(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        LocalDateTime time = column instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime()
                : (LocalDateTime) column;
        return time.toInstant(ZoneOffset.UTC);
    }
}
