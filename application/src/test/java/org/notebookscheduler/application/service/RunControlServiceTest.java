package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.oneNotebook;
import static org.notebookscheduler.application.fakes.Refusals.assertRefused;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.run.TaskRun;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;

class RunControlServiceTest {

    private static final RunId RUN = new RunId("101");

    private final TestWorld world = new TestWorld();
    private Schedule schedule;

    @BeforeEach
    void aScheduleWithAFailedRun() {
        schedule = world.scheduleService.create(oneNotebook("daily", "nb-1")).schedule();
        Run run = new Run(RUN, RunState.FAILED, Optional.of(NOW), Optional.of(NOW), Optional.of(NOW.plusSeconds(60)));
        world.engine.addRun(schedule.remote().orElseThrow(), new RunDetail(run,
                List.of(new TaskRun("5001", "run-nb-1", RunState.FAILED, Optional.of(NOW), Optional.of(NOW), 0))));
        world.engine.addLog("5001", "Table not found: sales");
    }

    @Test
    void a_schedules_runs_and_a_failed_tasks_log_are_shown_to_its_owner() {
        assertThat(world.runControl.runs(schedule.id(), PageRequest.first(10)).items()).extracting(Run::id)
                .containsExactly(RUN);
        assertThat(world.runControl.run(schedule.id(), RUN).tasks()).extracting(TaskRun::state)
                .containsExactly(RunState.FAILED);
        assertThat(world.runControl.taskLog(schedule.id(), RUN, "5001")).contains("Table not found");
    }

    @Test
    void a_command_on_a_run_reaches_the_scheduler_and_is_audited() {
        world.runControl.command(schedule.id(), RUN, RunCommand.RERUN_FAILED);

        assertThat(world.engine.calls()).contains("command:RERUN_FAILED:101");
        assertThat(world.audit.all()).last().extracting(ScheduleEvent::detail).isEqualTo("RERUN_FAILED run 101");
    }

    @Test
    void a_run_that_is_not_the_schedules_is_refused_as_not_found() {
        assertRefused(() -> world.runControl.run(schedule.id(), new RunId("999")), ErrorCode.RUN_NOT_FOUND, "runId");
        assertRefused(() -> world.runControl.command(schedule.id(), new RunId("999"), RunCommand.STOP),
                ErrorCode.RUN_NOT_FOUND, "runId");
    }

    @Test
    void another_user_may_not_see_or_steer_the_runs() {
        world.actAs(Actor.user("bob"));

        assertRefused(() -> world.runControl.runs(schedule.id(), PageRequest.first(10)), ErrorCode.ACCESS_DENIED,
                "scheduleId");
        assertRefused(() -> world.runControl.command(schedule.id(), RUN, RunCommand.STOP), ErrorCode.ACCESS_DENIED,
                "scheduleId");
    }
}
