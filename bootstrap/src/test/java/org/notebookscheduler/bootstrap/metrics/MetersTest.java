package org.notebookscheduler.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.adapters.dolphinscheduler.CallListener;
import org.notebookscheduler.application.fakes.Examples;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** The module's meters: runs, robot calls and engine calls, tagged so an operator can tell them apart. */
class MetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

    MetersTest() {
        beans.registerSingleton("registry", registry);
    }

    @Test
    void each_run_is_timed_by_its_outcome_and_entity_type() {
        NotebookRunner failing = request -> new NotebookRunner.Outcome(false, "alice", Instant.now(), Instant.now(), "x");
        NotebookRunner timed = Meters.timed(failing, beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));

        timed.run(new NotebookRunner.Request(Examples.notebook("nb-1"), "alice", null, Map.of(), Duration.ofMinutes(1)));

        assertThat(registry.get("notebook.scheduler.runner.duration").tag("outcome", "failed")
                .tag("entity_type", "notebook").timer().count()).isEqualTo(1);
    }

    @Test
    void each_robot_call_is_timed_by_kind_and_outcome_and_never_tagged_with_its_url() {
        NotificationSender throttled = (target, text) -> new DeliveryOutcome.Retryable("429", java.util.Optional.empty());
        NotificationSender timed = Meters.timed(throttled, beans.getBeanProvider(
                io.micrometer.core.instrument.MeterRegistry.class));

        timed.send(Examples.feishu(), "hello");

        assertThat(registry.get("notebook.scheduler.robot.calls").tag("kind", "FEISHU").tag("outcome", "retryable")
                .timer().count()).isEqualTo(1);
        assertThat(registry.getMeters().toString()).doesNotContain("secret-token");
    }

    @Test
    void each_engine_call_is_timed_by_call_outcome_and_whether_it_was_a_retry() {
        CallListener listener = Meters.dolphinSchedulerCalls(beans.getBeanProvider(
                io.micrometer.core.instrument.MeterRegistry.class));

        listener.called("process/save", CallListener.Outcome.UNAVAILABLE, Duration.ofMillis(30), false);
        listener.called("process/save", CallListener.Outcome.SUCCESS, Duration.ofMillis(20), true);

        assertThat(registry.get("notebook.scheduler.engine.calls").tag("engine", "DolphinScheduler")
                .tag("call", "process/save").tag("outcome", "success").tag("retry", "true").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("notebook.scheduler.engine.calls").tag("outcome", "unavailable").tag("retry", "false")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void without_a_meter_registry_the_ports_are_used_as_they_are() {
        NotebookRunner runner = request -> null;

        assertThat(Meters.timed(runner, new DefaultListableBeanFactory().getBeanProvider(
                io.micrometer.core.instrument.MeterRegistry.class))).isSameAs(runner);
    }
}
