package org.notebookscheduler.adapters.persistence.audit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A row of {@code schedule_event}, with its changed fields in {@code schedule_event_change}. */
@Entity
@Table(name = "schedule_event")
public class ScheduleEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "schedule_id", nullable = false, length = 36)
    String scheduleId;

    @Column(name = "event_type", nullable = false, length = 32)
    String eventType;

    @Column(nullable = false)
    String actor;

    @Column(name = "occurred_at", nullable = false)
    LocalDateTime occurredAt;

    @Column(length = 2000)
    String detail;

    /** A page of the audit trail loads its events' changes in a few statements, not one per event. */
    @BatchSize(size = 50)
    @ElementCollection
    @CollectionTable(name = "schedule_event_change", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "change_order")
    List<Change> changes = new ArrayList<>();

    @Embeddable
    public static class Change {

        @Column(name = "field_name", nullable = false)
        String field;

        @Column(name = "old_value", length = 4000)
        String oldValue;

        @Column(name = "new_value", length = 4000)
        String newValue;

        protected Change() {
        }

        Change(String field, String oldValue, String newValue) {
            this.field = field;
            this.oldValue = oldValue;
            this.newValue = newValue;
        }
    }
}
