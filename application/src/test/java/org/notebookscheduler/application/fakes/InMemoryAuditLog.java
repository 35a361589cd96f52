package org.notebookscheduler.application.fakes;

import java.util.ArrayList;
import java.util.List;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.schedule.ScheduleId;

public final class InMemoryAuditLog implements AuditLog, TransactionalFake {

    private final List<ScheduleEvent> events = new ArrayList<>();
    private final Faults faults = new Faults();

    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized void append(ScheduleEvent event) {
        faults.check("append");
        events.add(event);
    }

    @Override
    public synchronized Page<ScheduleEvent> history(ScheduleId scheduleId, PageRequest page) {
        return Page.of(events.stream().filter(event -> event.scheduleId().equals(scheduleId)).toList(), page);
    }

    @Override
    public synchronized java.util.Optional<ScheduleEvent> latest(ScheduleId scheduleId,
            java.util.Set<org.notebookscheduler.domain.audit.ScheduleEventType> types) {
        for (int i = events.size() - 1; i >= 0; i--) {
            ScheduleEvent event = events.get(i);
            if (event.scheduleId().equals(scheduleId) && types.contains(event.type())) {
                return java.util.Optional.of(event);
            }
        }
        return java.util.Optional.empty();
    }

    /** Every event of every schedule, in the order appended. */
    public synchronized List<ScheduleEvent> all() {
        return List.copyOf(events);
    }

    @Override
    public synchronized Object snapshot() {
        return List.copyOf(events);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        events.clear();
        events.addAll((List<ScheduleEvent>) snapshot);
    }
}
