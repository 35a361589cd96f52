package org.notebookscheduler.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;

import java.util.List;
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
}
