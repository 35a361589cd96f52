package org.notebookscheduler.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** What every {@link AuditLog} does; the in-memory fake and the JPA adapter both pass it. */
public abstract class AuditLogContract {

    protected abstract AuditLog log();

    @Test
    void a_schedules_trail_is_oldest_first_and_keeps_who_when_and_what_changed() {
        AuditLog log = log();
        ScheduleId id = ScheduleId.newId();
        log.append(ScheduleEvent.of(id, ScheduleEventType.CREATED, "alice", NOW, "created 'daily'"));
        log.append(new ScheduleEvent(id, ScheduleEventType.UPDATED, "alice", NOW.plusSeconds(5),
                List.of(new FieldChange("name", "daily", "nightly")), null));
        log.append(ScheduleEvent.of(ScheduleId.newId(), ScheduleEventType.CREATED, "bob", NOW, "other"));

        List<ScheduleEvent> trail = log.history(id, PageRequest.first(10)).items();

        assertThat(trail).extracting(ScheduleEvent::type)
                .containsExactly(ScheduleEventType.CREATED, ScheduleEventType.UPDATED);
        assertThat(trail.get(1).changes()).containsExactly(new FieldChange("name", "daily", "nightly"));
        assertThat(trail.get(1).actor()).isEqualTo("alice");
        assertThat(trail.get(1).at()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void the_latest_event_of_some_types_is_the_newest_of_them_for_that_schedule_only() {
        AuditLog log = log();
        ScheduleId id = ScheduleId.newId();
        log.append(new ScheduleEvent(id, ScheduleEventType.DRIFT_FOUND, "scheduler", NOW,
                List.of(new FieldChange("cron.expression", "0 0 2 * * ? *", "0 0 5 * * ? *")), null));
        log.append(ScheduleEvent.of(id, ScheduleEventType.DRIFT_REPAIRED, "alice", NOW.plusSeconds(1), "repaired"));
        log.append(ScheduleEvent.of(id, ScheduleEventType.RUN_REQUESTED, "alice", NOW.plusSeconds(2), "run now"));
        log.append(ScheduleEvent.of(ScheduleId.newId(), ScheduleEventType.DRIFT_FOUND, "scheduler", NOW.plusSeconds(3),
                "another schedule's"));

        assertThat(log.latest(id, Set.of(ScheduleEventType.DRIFT_FOUND, ScheduleEventType.DRIFT_REPAIRED)))
                .map(ScheduleEvent::type).contains(ScheduleEventType.DRIFT_REPAIRED);
        assertThat(log.latest(id, Set.of(ScheduleEventType.DRIFT_FOUND))).map(ScheduleEvent::changes)
                .contains(List.of(new FieldChange("cron.expression", "0 0 2 * * ? *", "0 0 5 * * ? *")));
        assertThat(log.latest(id, Set.of(ScheduleEventType.DELETED))).isEmpty();
    }
}
