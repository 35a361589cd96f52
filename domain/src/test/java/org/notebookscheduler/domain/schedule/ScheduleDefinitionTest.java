package org.notebookscheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.domain.schedule.Schedules.definition;
import static org.notebookscheduler.domain.schedule.Schedules.notebook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

class ScheduleDefinitionTest {

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).contains(field);
        });
    }

    @Test
    void tasks_come_back_in_an_order_where_upstream_runs_first() {
        ScheduleDefinition def = definition("etl",
                ScheduledTask.of("report", notebook("3")).after("clean", "load"),
                ScheduledTask.of("clean", notebook("2")).after("load"),
                ScheduledTask.of("load", notebook("1")));

        assertThat(def.tasks()).extracting(ScheduledTask::name).containsExactly("load", "clean", "report");
    }

    @Test
    void a_schedule_without_tasks_is_refused() {
        assertRefused(() -> definition("empty"), ErrorCode.SCHEDULE_HAS_NO_TASKS, "tasks");
    }

    @Test
    void two_tasks_with_the_same_name_are_refused() {
        assertRefused(() -> definition("dup", ScheduledTask.of("a", notebook("1")), ScheduledTask.of("a", notebook("2"))),
                ErrorCode.TASK_NAME_DUPLICATE, "tasks[1].name");
    }

    @Test
    void the_same_entity_twice_in_one_schedule_is_refused() {
        assertRefused(() -> definition("twice", ScheduledTask.of("a", notebook("1")), ScheduledTask.of("b", notebook("1"))),
                ErrorCode.ENTITY_ALREADY_SCHEDULED, "tasks[1].entity");
    }

    @Test
    void an_upstream_task_that_does_not_exist_is_refused() {
        assertRefused(() -> definition("ghost", ScheduledTask.of("a", notebook("1")).after("missing")),
                ErrorCode.TASK_UPSTREAM_UNKNOWN, "tasks[0].upstream");
    }

    @Test
    void tasks_that_depend_on_each_other_in_a_cycle_are_refused() {
        assertRefused(() -> definition("loop",
                ScheduledTask.of("a", notebook("1")).after("c"),
                ScheduledTask.of("b", notebook("2")).after("a"),
                ScheduledTask.of("c", notebook("3")).after("b"),
                ScheduledTask.of("d", notebook("4"))), ErrorCode.TASK_DAG_CYCLE, "tasks");
    }

    @Test
    void a_task_that_depends_on_itself_is_refused() {
        assertRefused(() -> ScheduledTask.of("a", notebook("1")).after("a"), ErrorCode.TASK_DAG_CYCLE, "upstream");
    }

    @Test
    void a_task_timeout_beyond_9600_seconds_is_refused() {
        assertRefused(() -> new ScheduledTask("a", notebook("1"), null, Duration.ofSeconds(9601), 0, null, null, null),
                ErrorCode.TASK_TIMEOUT_TOO_LONG, "timeoutSeconds");
    }

    @Test
    void a_task_timeout_of_exactly_9600_seconds_is_accepted() {
        ScheduledTask task = new ScheduledTask("a", notebook("1"), null, Duration.ofSeconds(9600), 0, null, null, null);

        assertThat(task.timeout()).isEqualTo(ScheduledTask.MAX_TIMEOUT);
    }

    @Test
    void a_refusal_inside_a_task_names_the_task_by_its_index() {
        assertRefused(() -> ScheduleDefinition.tasks(List.of(
                () -> ScheduledTask.of("ok", notebook("1")),
                () -> new ScheduledTask("slow", notebook("2"), null, Duration.ofHours(5), 0, null, null, null))),
                ErrorCode.TASK_TIMEOUT_TOO_LONG, "tasks[1].timeoutSeconds");
    }

    @Test
    void negative_retries_are_refused() {
        assertRefused(() -> new ScheduledTask("a", notebook("1"), null, null, -1, null, null, null),
                ErrorCode.FIELD_OUT_OF_RANGE, "retries");
    }

    @Test
    void a_user_parameter_may_not_shadow_a_callback_field() {
        assertRefused(() -> new ScheduledTask("a", notebook("1"), null, null, 0, null, Set.of(), Map.of("token", "x")),
                ErrorCode.PARAMETER_RESERVED, "parameters.token");
    }

    @Test
    void a_blank_schedule_name_is_refused() {
        assertRefused(() -> definition("  ", ScheduledTask.of("a", notebook("1"))), ErrorCode.FIELD_REQUIRED, "name");
    }

    @Test
    void a_name_longer_than_the_scheduler_stores_is_refused() {
        assertRefused(() -> definition("x".repeat(101), ScheduledTask.of("a", notebook("1"))),
                ErrorCode.FIELD_TOO_LONG, "name");
    }

    @Test
    void run_settings_default_to_the_seed_values() {
        RunSettings defaults = definition("d", ScheduledTask.of("a", notebook("1"))).runSettings();

        assertThat(defaults).isEqualTo(new RunSettings(WarningType.ALL, 1, FailureStrategy.END, Priority.MEDIUM, "default"));
    }

    @Test
    void a_worker_group_longer_than_64_characters_is_refused() {
        assertRefused(() -> new RunSettings(WarningType.ALL, 1, FailureStrategy.END, Priority.MEDIUM, "w".repeat(65)),
                ErrorCode.FIELD_TOO_LONG, "runSettings.workerGroup");
    }
}
