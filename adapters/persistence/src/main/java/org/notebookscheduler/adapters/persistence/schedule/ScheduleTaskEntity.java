package org.notebookscheduler.adapters.persistence.schedule;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** A row of {@code schedule_task}: one node of a schedule's DAG. */
@Entity
@Table(name = "schedule_task")
public class ScheduleTaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "schedule_id", nullable = false)
    ScheduleEntity schedule;

    @Column(name = "task_order", nullable = false)
    int taskOrder;

    @Column(nullable = false, length = 100)
    String name;

    @Column(name = "entity_type", nullable = false, length = 16)
    String entityType;

    @Column(name = "entity_id", nullable = false, length = 128)
    String entityId;

    @Column(name = "entity_name", nullable = false)
    String entityName;

    @Column(name = "commit_id", length = 128)
    String commitId;

    @Column(name = "timeout_seconds", nullable = false)
    long timeoutSeconds;

    @Column(nullable = false)
    int retries;

    @Column(name = "retry_interval_seconds", nullable = false)
    long retryIntervalSeconds;

    @BatchSize(size = ScheduleEntity.LOADED_TOGETHER)
    @ElementCollection
    @CollectionTable(name = "schedule_task_upstream", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "upstream_name", nullable = false, length = 100)
    Set<String> upstream = new HashSet<>();

    @BatchSize(size = ScheduleEntity.LOADED_TOGETHER)
    @ElementCollection
    @CollectionTable(name = "schedule_task_parameter", joinColumns = @JoinColumn(name = "task_id"))
    @MapKeyColumn(name = "name", length = 128)
    @Column(name = "param_value", nullable = false, length = 4000)
    Map<String, String> parameters = new HashMap<>();

    protected ScheduleTaskEntity() {
    }

    ScheduleTaskEntity(ScheduleEntity schedule) {
        this.schedule = schedule;
    }
}
