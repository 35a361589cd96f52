package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.FakeEngine;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.schedule.RemoteRef;

/** Which engine serves a schedule: the one it was created on, whatever the default is now. */
class EnginesTest {

    private final FakeEngine dolphin = new FakeEngine("DolphinScheduler");
    private final FakeEngine embedded = new FakeEngine("Embedded");

    private static RemoteRef createdOn(String engine) {
        return new RemoteRef(engine, "project", "7", "8");
    }

    @Test
    void new_schedules_go_to_the_default_engine() {
        Engines engines = new Engines("Embedded", List.of(dolphin.engine(), embedded.engine()));

        assertThat(engines.forNewSchedules().name()).isEqualTo("Embedded");
        assertThat(engines.names()).containsExactly("Embedded", "DolphinScheduler");
    }

    @Test
    void a_schedule_stays_with_the_engine_it_was_created_on_when_the_default_changes() {
        Engines before = new Engines("DolphinScheduler", List.of(dolphin.engine(), embedded.engine()));
        Engines after = new Engines("Embedded", List.of(dolphin.engine(), embedded.engine()));

        assertThat(before.of(createdOn("DolphinScheduler")).lifecycle()).isSameAs(dolphin);
        assertThat(after.of(createdOn("DolphinScheduler")).lifecycle()).isSameAs(dolphin);
        assertThat(after.of(createdOn("Embedded")).runs()).isSameAs(embedded);
    }

    @Test
    void a_schedule_of_an_engine_this_instance_does_not_run_is_unavailable_and_says_which() {
        Engines engines = Engines.only(embedded.engine());

        assertThatThrownBy(() -> engines.of(createdOn("DolphinScheduler")))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("DolphinScheduler", "Embedded");
                });
    }

    @Test
    void every_engine_this_instance_runs_can_be_listed_the_default_first_for_its_health() {
        Engines engines = new Engines("Embedded", List.of(dolphin.engine(), embedded.engine()));

        assertThat(engines.all()).extracting(org.notebookscheduler.application.port.out.Engine::name)
                .containsExactly("Embedded", "DolphinScheduler");
    }

    @Test
    void two_engines_of_one_name_or_a_default_that_is_not_there_are_a_configuration_error() {
        assertThatThrownBy(() -> new Engines("DolphinScheduler", List.of(dolphin.engine(), dolphin.engine())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DolphinScheduler");
        assertThatThrownBy(() -> new Engines("Embedded", List.of(dolphin.engine())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Embedded");
    }
}
