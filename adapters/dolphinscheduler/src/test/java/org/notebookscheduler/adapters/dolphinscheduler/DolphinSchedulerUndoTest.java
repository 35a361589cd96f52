package org.notebookscheduler.adapters.dolphinscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.notebookscheduler.adapters.dolphinscheduler.SimulatedDolphinScheduler.Fault;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;

/**
 * A change either ends fully applied or leaves DolphinScheduler exactly as it was: for every use
 * case, each of its calls in turn is made to fail (refused, or applied with the answer lost), and
 * the server's state afterwards must equal its state before. The same holds for the undo the
 * application asks for when its own write fails after the change succeeded.
 */
class DolphinSchedulerUndoTest {

    private final SimulatedDolphinScheduler ds = new SimulatedDolphinScheduler();
    private final Engine engine = ds.engine();

    @AfterEach
    void stop() {
        ds.close();
    }

    /** One use case: how to bring the server to where it starts, and the change itself. */
    record UseCase(String name, Consumer<Fixture> arrange, Function<Fixture, RemoteChange> act) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The schedule a use case works on, registered or not. */
    static final class Fixture {
        final Engine engine;
        Schedule schedule = schedule("alice", "daily", "nb-1", NOW);

        Fixture(Engine engine) {
            this.engine = engine;
        }

        void register() {
            schedule.link(engine.lifecycle().register(schedule).ref(), Actor.user("alice"), NOW);
        }

        void registerOnline() {
            register();
            engine.lifecycle().online(schedule);
        }

        void revise() {
            schedule.revise(schedule("alice", "nightly", "nb-1", NOW).definition(), Actor.user("alice"), NOW);
        }
    }

    static List<UseCase> useCases() {
        return List.of(
                new UseCase("register", fixture -> { }, fixture -> fixture.engine.lifecycle().register(fixture.schedule)),
                new UseCase("register again after a partial attempt", Fixture::register,
                        fixture -> fixture.engine.lifecycle().register(fixture.schedule)),
                new UseCase("update", fixture -> {
                    fixture.register();
                    fixture.revise();
                }, fixture -> fixture.engine.lifecycle().update(fixture.schedule)),
                new UseCase("update of a process left online by run-now", fixture -> {
                    fixture.register();
                    fixture.engine.lifecycle().runNow(fixture.schedule);
                    fixture.revise();
                }, fixture -> fixture.engine.lifecycle().update(fixture.schedule)),
                new UseCase("online", Fixture::register, fixture -> fixture.engine.lifecycle().online(fixture.schedule)),
                new UseCase("offline", Fixture::registerOnline, fixture -> fixture.engine.lifecycle().offline(fixture.schedule)),
                new UseCase("delete", Fixture::register, fixture -> fixture.engine.lifecycle().delete(fixture.schedule)),
                new UseCase("delete of an online schedule", Fixture::registerOnline,
                        fixture -> fixture.engine.lifecycle().delete(fixture.schedule)));
    }

    /** Every use case, every call it makes, both faults. */
    static Stream<Arguments> failures() {
        List<Arguments> cases = new ArrayList<>();
        for (UseCase useCase : useCases()) {
            int calls = callsOf(useCase);
            for (int call = 1; call <= calls; call++) {
                for (Fault fault : Fault.values()) {
                    cases.add(Arguments.of(useCase, call, fault));
                }
            }
        }
        return cases.stream();
    }

    private static int callsOf(UseCase useCase) {
        try (SimulatedDolphinScheduler counting = new SimulatedDolphinScheduler()) {
            Fixture fixture = new Fixture(counting.engine());
            useCase.arrange().accept(fixture);
            counting.count();
            useCase.act().apply(fixture);
            return counting.callsSeen();
        }
    }

    /**
     * A read whose answer is lost is retried, so that change may still succeed; then its undo must
     * restore the state instead. The project is left out: it is shared by every schedule, made once
     * and never removed.
     */
    @ParameterizedTest(name = "{0}: call {1} {2}")
    @MethodSource("failures")
    void a_change_that_fails_at_any_call_leaves_the_scheduler_as_it_was(UseCase useCase, int call, Fault fault) {
        Fixture fixture = new Fixture(engine);
        useCase.arrange().accept(fixture);
        Map<String, String> before = ds.state().processes();
        ds.failAt(call, fault);

        RemoteChange[] change = new RemoteChange[1];
        Throwable thrown = catchThrowable(() -> change[0] = useCase.act().apply(fixture));

        if (thrown == null) {
            ds.count();
            change[0].undo();
        }
        assertThat(ds.state().processes()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("useCases")
    void the_undo_of_a_change_that_succeeded_puts_the_scheduler_back_as_it_was(UseCase useCase) {
        Fixture fixture = new Fixture(engine);
        useCase.arrange().accept(fixture);
        Map<String, String> before = ds.state().processes();
        RemoteChange change = useCase.act().apply(fixture);

        change.undo();

        assertThat(ds.state().processes()).isEqualTo(before);
    }
}
