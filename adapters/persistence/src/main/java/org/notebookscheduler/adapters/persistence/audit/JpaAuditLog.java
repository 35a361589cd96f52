package org.notebookscheduler.adapters.persistence.audit;

import java.util.Optional;
import java.util.Set;
import org.notebookscheduler.adapters.persistence.Pages;
import org.notebookscheduler.adapters.persistence.UtcTime;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.execution.Text;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail in {@code schedule_event}. {@link #append} joins the caller's transaction, so the
 * row lands exactly when the change it records does.
 */
@Repository
@Transactional
public class JpaAuditLog implements AuditLog {

    /** Old and new values are kept up to this length; a longer one is cut, never refused. */
    static final int MAX_VALUE_LENGTH = 4000;
    static final int MAX_DETAIL_LENGTH = 2000;

    private final ScheduleEventRepository repository;

    public JpaAuditLog(ScheduleEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public void append(ScheduleEvent event) {
        ScheduleEventEntity row = new ScheduleEventEntity();
        row.scheduleId = event.scheduleId().toString();
        row.eventType = event.type().name();
        row.actor = event.actor();
        row.occurredAt = UtcTime.column(event.at());
        row.detail = cut(event.detail(), MAX_DETAIL_LENGTH);
        for (FieldChange change : event.changes()) {
            row.changes.add(new ScheduleEventEntity.Change(change.field(), cut(change.oldValue(), MAX_VALUE_LENGTH),
                    cut(change.newValue(), MAX_VALUE_LENGTH)));
        }
        repository.saveAndFlush(row);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ScheduleEvent> history(ScheduleId scheduleId, PageRequest page) {
        return Pages.from(repository.findByScheduleId(scheduleId.toString(), Pages.of(page, Sort.by("id"))), page)
                .map(JpaAuditLog::toDomain);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ScheduleEvent> latest(ScheduleId scheduleId, Set<ScheduleEventType> types) {
        return repository.findFirstByScheduleIdAndEventTypeInOrderByIdDesc(scheduleId.toString(),
                types.stream().map(Enum::name).toList()).map(JpaAuditLog::toDomain);
    }

    private static ScheduleEvent toDomain(ScheduleEventEntity row) {
        return new ScheduleEvent(ScheduleId.of(row.scheduleId), ScheduleEventType.valueOf(row.eventType), row.actor,
                UtcTime.instant(row.occurredAt),
                row.changes.stream().map(change -> new FieldChange(change.field, change.oldValue, change.newValue))
                        .toList(),
                row.detail);
    }

    private static String cut(String text, int max) {
        return text == null ? null : Text.cut(text, max);
    }
}
