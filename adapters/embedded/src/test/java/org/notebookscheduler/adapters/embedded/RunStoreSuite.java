package org.notebookscheduler.adapters.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.adapters.persistence.TestDatabase;
import org.notebookscheduler.application.fakes.MutableClock;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.run.TaskRun;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** The embedded engine's runs and attempts as stored, on one database; each subclass names it. */
abstract class RunStoreSuite {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00.123456Z");

    protected abstract TestDatabase db();

    private final MutableClock clock = new MutableClock(NOW);
    private final ScheduleId schedule = ScheduleId.newId();
    private RunStore store;

    @BeforeEach
    void emptyDatabase() {
        db().clean();
        store = new RunStore(db().jdbc(), clock);
    }

    @Test
    void a_schedules_runs_are_listed_newest_first_with_their_fire_time_and_end() {
        RunId scheduled = store.start(schedule, Optional.of(NOW.minusSeconds(1)), "instance-1");
        store.ended(scheduled, RunState.SUCCEEDED, "instance-1");
        clock.advance(Duration.ofMinutes(5));
        RunId byHand = store.start(schedule, Optional.empty(), "instance-1");
        store.start(ScheduleId.newId(), Optional.empty(), "instance-1");

        var page = store.page(schedule, PageRequest.first(10));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Run::id).containsExactly(byHand, scheduled);
        Run first = page.items().get(1);
        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(first.scheduledFor()).contains(NOW.minusSeconds(1));
        assertThat(first.startedAt()).contains(NOW);
        assertThat(first.endedAt()).contains(NOW);
        assertThat(page.items().get(0).endedAt()).isEmpty();
    }

    @Test
    void a_run_shows_every_attempt_of_every_task_and_marks_the_one_that_counts() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        RunJournal journal = store.journal(run, 1);
        String firstTry = journal.attemptStarted("extract", 1, NOW);
        journal.attemptEnded(firstTry, RunState.FAILED, NOW.plusSeconds(3), "cell 2 raised KeyError");
        String secondTry = journal.attemptStarted("extract", 2, NOW.plusSeconds(10));
        journal.attemptEnded(secondTry, RunState.SUCCEEDED, NOW.plusSeconds(12), null);
        journal.attemptStarted("report", 1, NOW.plusSeconds(13));

        RunDetail detail = store.detail(schedule, run).orElseThrow();

        assertThat(detail.tasks()).extracting(TaskRun::taskName, TaskRun::attempt, TaskRun::state, TaskRun::latest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("extract", 1, RunState.FAILED, false),
                        org.assertj.core.groups.Tuple.tuple("extract", 2, RunState.SUCCEEDED, true),
                        org.assertj.core.groups.Tuple.tuple("report", 1, RunState.RUNNING, true));
        assertThat(detail.tasks().get(0).endedAt()).contains(NOW.plusSeconds(3));
        assertThat(store.taskLog(run, firstTry)).contains("FAILED: cell 2 raised KeyError");
        assertThat(store.succeededTasks(run)).containsExactly("extract");
    }

    @Test
    void a_run_or_an_attempt_of_another_schedule_or_run_is_not_found() {
        RunId mine = store.start(schedule, Optional.empty(), "instance-1");
        RunId theirs = store.start(ScheduleId.newId(), Optional.empty(), "instance-1");
        String theirAttempt = store.journal(theirs, 1).attemptStarted("extract", 1, NOW);

        assertThat(store.detail(schedule, theirs)).isEmpty();
        assertThat(store.detail(schedule, new RunId("no-such-run"))).isEmpty();
        assertThat(store.taskLog(mine, theirAttempt)).isEmpty();
        assertThat(store.taskLog(mine, "not-a-number")).isEmpty();
    }

    @Test
    void a_resumed_run_keeps_its_run_times_and_a_repeated_one_counts_one_more() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        store.ended(run, RunState.PAUSED, "instance-1");

        assertThat(store.restart(run, Optional.empty(), "instance-2", Set.of(RunState.PAUSED))).contains(1);
        store.ended(run, RunState.FAILED, "instance-2");
        assertThat(store.restart(run, Optional.of(Set.of()), "instance-2", Set.of(RunState.FAILED))).contains(2);
        RunDetail detail = store.detail(schedule, run).orElseThrow();
        assertThat(detail.run().state()).isEqualTo(RunState.RUNNING);
        assertThat(detail.run().endedAt()).isEmpty();
    }

    @Test
    void a_long_note_is_cut_to_what_the_column_holds() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        RunJournal journal = store.journal(run, 1);
        String attempt = journal.attemptStarted("extract", 1, NOW);

        journal.attemptEnded(attempt, RunState.FAILED, NOW, "Traceback: ".repeat(500));

        assertThat(store.taskLog(run, attempt).orElseThrow()).hasSizeLessThanOrEqualTo("FAILED: ".length()
                + RunStore.MAX_NOTE_LENGTH);
    }

    @Test
    void the_task_log_shows_what_the_runner_printed_after_why_the_attempt_ended_keeping_the_end_of_it() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        RunJournal journal = store.journal(run, 1);
        String attempt = journal.attemptStarted("extract", 1, NOW);
        String printed = "progress line\n".repeat(10_000) + "KeyError: 'region'";

        journal.attemptEnded(attempt, RunState.FAILED, NOW, "exit code 1", printed);

        String log = store.taskLog(run, attempt).orElseThrow();
        assertThat(log).startsWith("FAILED: exit code 1\n--- output ---\n").endsWith("KeyError: 'region'");
        assertThat(log.length()).isLessThan("FAILED: exit code 1\n--- output ---\n".length()
                + RunStore.MAX_OUTPUT_LENGTH + 1);
    }

    @Test
    void a_run_that_ends_leaves_no_attempt_marked_running() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        String attempt = store.journal(run, 1).attemptStarted("extract", 1, NOW);

        store.ended(run, RunState.FAILED, "instance-1");

        assertThat(store.detail(schedule, run).orElseThrow().tasks()).extracting(TaskRun::state)
                .containsExactly(RunState.KILLED);
        assertThat(store.taskLog(run, attempt).orElseThrow()).contains("the run ended before the attempt did");
    }

    /** Found in review: two resumes at once (a double click, two instances) both launched the run. */
    @Test
    void of_two_restarts_of_a_paused_run_only_the_first_takes_it() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        store.ended(run, RunState.PAUSED, "instance-1");

        assertThat(store.restart(run, Optional.empty(), "instance-1", Set.of(RunState.PAUSED))).contains(1);
        assertThat(store.restart(run, Optional.empty(), "instance-2", Set.of(RunState.PAUSED))).isEmpty();
    }

    /** Found in review: an instance whose run was ended as interrupted overwrote the run's new state. */
    @Test
    void an_instance_that_lost_its_run_cannot_end_it_any_more() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        clock.advance(Duration.ofMinutes(10));
        store.endInterrupted(clock.instant().minusSeconds(15));
        store.restart(run, Optional.of(Set.of()), "instance-2", Set.of(RunState.FAILED));

        store.ended(run, RunState.SUCCEEDED, "instance-1");

        assertThat(store.state(run)).contains(RunState.RUNNING);
    }

    /** Found in review: a row its instance failed to end was kept alive by that instance's heartbeat. */
    @Test
    void only_the_runs_an_instance_is_deciding_are_kept_alive() {
        RunId deciding = store.start(schedule, Optional.empty(), "instance-1");
        RunId leftOver = store.start(schedule, Optional.empty(), "instance-1");
        clock.advance(Duration.ofMinutes(1));

        store.heartbeat("instance-1", Set.of(deciding));
        store.endInterrupted(clock.instant().minusSeconds(15));

        assertThat(store.state(deciding)).contains(RunState.RUNNING);
        assertThat(store.state(leftOver)).contains(RunState.FAILED);
    }

    /** Found in review: the successes of every start of a run were counted, so a rerun after a repeat skipped a failure. */
    @Test
    void a_rerun_of_the_failed_tasks_carries_what_succeeded_and_reruns_what_failed_in_the_last_start() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        store.journal(run, 1).attemptEnded(store.journal(run, 1).attemptStarted("extract", 1, NOW), RunState.SUCCEEDED,
                NOW, null);
        store.ended(run, RunState.SUCCEEDED, "instance-1");
        int repeat = store.restart(run, Optional.of(Set.of()), "instance-1", Set.of(RunState.SUCCEEDED)).orElseThrow();
        store.journal(run, repeat).attemptEnded(store.journal(run, repeat).attemptStarted("extract", 1, NOW),
                RunState.FAILED, NOW, "boom");
        store.ended(run, RunState.FAILED, "instance-1");

        assertThat(store.succeededTasks(run)).isEmpty();

        Set<String> carried = Set.of("load");
        int rerun = store.restart(run, Optional.of(carried), "instance-1", Set.of(RunState.FAILED)).orElseThrow();
        assertThat(rerun).isEqualTo(3);
        assertThat(store.succeededTasks(run)).containsExactly("load");
        assertThat(store.attemptsSoFar(run)).isEmpty();
        assertThat(store.detail(schedule, run).orElseThrow().tasks()).filteredOn(TaskRun::latest)
                .extracting(TaskRun::state).containsExactly(RunState.FAILED);
    }

    @Test
    void a_resumed_start_goes_on_counting_each_tasks_attempts() {
        RunId run = store.start(schedule, Optional.empty(), "instance-1");
        RunJournal journal = store.journal(run, 1);
        journal.attemptEnded(journal.attemptStarted("extract", 1, NOW), RunState.FAILED, NOW, "boom");
        journal.attemptEnded(journal.attemptStarted("extract", 2, NOW), RunState.FAILED, NOW, "boom");
        store.ended(run, RunState.PAUSED, "instance-1");

        store.restart(run, Optional.empty(), "instance-1", Set.of(RunState.PAUSED));

        assertThat(store.attemptsSoFar(run)).containsEntry("extract", 2);
    }
}
