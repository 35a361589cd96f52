package org.notebookscheduler.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.application.fakes.Examples.NOW;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.Examples;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.RemoteLinkLostException;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;

/**
 * What every engine does with a schedule's life, whatever the engine: the in-memory fake, the
 * DolphinScheduler adapter over its simulator and the embedded engine all pass it, so the
 * services behave the same on each.
 */
public abstract class EngineContract {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Actor ALICE = Actor.user("alice");

    /** The engine, over an empty remote side. */
    protected abstract Engine engine();

    /** Removes the schedule's remote object without the engine's knowledge, as an operator's hand would. */
    protected abstract void removeBehindTheBack(Schedule schedule);

    private Schedule registered(Engine engine) {
        int n = NAMES.incrementAndGet();
        Schedule schedule = Examples.schedule("alice", "contract " + n, "nb-" + n, NOW);
        RemoteChange change = engine.lifecycle().register(schedule);
        schedule.link(change.ref(), ALICE, NOW);
        return schedule;
    }

    private static Schedule online(Schedule schedule) {
        schedule.putOnline(ALICE, NOW);
        return schedule;
    }

    @Test
    void a_registered_schedule_is_linked_to_this_engine_and_held_offline() {
        Engine engine = engine();
        Schedule schedule = registered(engine);

        assertThat(schedule.remote().orElseThrow().scheduler()).isEqualTo(engine.name());
        assertThat(engine.drift().of(schedule)).isEmpty();
    }

    @Test
    void registering_again_after_an_attempt_that_got_that_far_keeps_one_remote_object() {
        Engine engine = engine();
        Schedule schedule = registered(engine);

        RemoteChange again = engine.lifecycle().register(schedule);

        assertThat(again.ref().definitionId()).isEqualTo(schedule.remote().orElseThrow().definitionId());
    }

    @Test
    void online_and_offline_move_the_engine_and_drift_sees_a_schedule_that_says_otherwise() {
        Engine engine = engine();
        Schedule schedule = registered(engine);

        engine.lifecycle().online(schedule);
        assertThat(engine.drift().of(online(schedule))).isEmpty();
        engine.lifecycle().offline(schedule);

        assertThat(engine.drift().of(schedule)).extracting(FieldChange::field).contains("releaseState");
    }

    @Test
    void undoing_a_change_puts_the_engine_back_as_it_was() {
        Engine engine = engine();
        Schedule schedule = registered(engine);

        engine.lifecycle().online(schedule).undo();

        assertThat(engine.drift().of(schedule)).isEmpty();
    }

    @Test
    void a_schedule_removed_behind_the_engines_back_is_a_lost_link_and_drift_says_so() {
        Engine engine = engine();
        Schedule schedule = registered(engine);

        removeBehindTheBack(schedule);

        assertThatThrownBy(() -> engine.lifecycle().online(schedule)).isInstanceOf(RemoteLinkLostException.class);
        assertThat(engine.drift().of(schedule)).extracting(FieldChange::field).contains("remote.definition");
    }

    @Test
    void a_deleted_schedule_is_gone_for_the_engine() {
        Engine engine = engine();
        Schedule schedule = registered(engine);

        engine.lifecycle().delete(schedule);

        assertThat(engine.drift().of(schedule)).extracting(FieldChange::field).contains("remote.definition");
    }
}
