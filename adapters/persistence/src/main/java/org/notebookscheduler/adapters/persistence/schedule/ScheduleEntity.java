package org.notebookscheduler.adapters.persistence.schedule;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** A row of {@code schedule}; {@link ScheduleMapper} turns it into the domain's {@code Schedule} and back. */
@Entity
@Table(name = "schedule")
public class ScheduleEntity {

    /**
     * How many schedules' tasks, parameters, upstream names and destinations are loaded in one
     * statement when a page of schedules is read: set on the mappings, not left to a host's
     * hibernate.default_batch_fetch_size, so a page costs a few statements whatever the application.
     */
    static final int LOADED_TOGETHER = 50;

    @Id
    @Column(length = 36)
    String id;

    @Column(nullable = false)
    String owner;

    @Column(nullable = false, length = 100)
    String name;

    @Column(name = "name_key", nullable = false, length = 100)
    String nameKey;

    @Column(length = 1000)
    String description;

    @Column(name = "cron_expression", nullable = false)
    String cronExpression;

    @Column(name = "cron_start", nullable = false)
    LocalDateTime cronStart;

    @Column(name = "cron_end")
    LocalDateTime cronEnd;

    @Column(name = "cron_zone", nullable = false, length = 64)
    String cronZone;

    @Column(name = "warning_type", nullable = false, length = 16)
    String warningType;

    @Column(name = "warning_group_id", nullable = false)
    long warningGroupId;

    @Column(name = "failure_strategy", nullable = false, length = 16)
    String failureStrategy;

    @Column(nullable = false, length = 16)
    String priority;

    @Column(name = "worker_group", nullable = false, length = 64)
    String workerGroup;

    @Column(name = "release_state", nullable = false, length = 16)
    String releaseState;

    @Column(name = "remote_scheduler", length = 64)
    String remoteScheduler;

    @Column(name = "remote_project", length = 100)
    String remoteProject;

    @Column(name = "remote_definition_id", length = 64)
    String remoteDefinitionId;

    @Column(name = "remote_cron_schedule_id", length = 64)
    String remoteCronScheduleId;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    /**
     * Moved on by {@link JpaScheduleStore#save} under a row lock on every save, not by Hibernate's
     * {@code @Version}, which moves only when a column changed and only at commit.
     */
    @Column(nullable = false)
    long version;

    /**
     * A set (kept in task order), not a list: a list without an index column is a bag to
     * Hibernate, and a bag read in one statement with the destinations would hold each task once
     * per destination.
     */
    @BatchSize(size = LOADED_TOGETHER)
    @OneToMany(mappedBy = "schedule", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("taskOrder")
    Set<ScheduleTaskEntity> tasks = new LinkedHashSet<>();

    @Column(name = "notify_level", length = 16)
    String notifyLevel;

    @Column(name = "notify_header", length = 1000)
    String notifyHeader;

    @Column(name = "notify_template", length = 4000)
    String notifyTemplate;

    @Column(name = "notify_on_start")
    Boolean notifyOnStart;

    @Column(name = "long_run_warning_seconds")
    Long longRunWarningSeconds;

    @Column(name = "own_destinations", nullable = false)
    boolean ownDestinations;

    @BatchSize(size = LOADED_TOGETHER)
    @ElementCollection
    @CollectionTable(name = "schedule_destination", joinColumns = @JoinColumn(name = "schedule_id"))
    @OrderColumn(name = "dest_order")
    List<Destination> destinations = new ArrayList<>();

    /** A robot of this schedule's; its URL and secret are credentials. */
    @Embeddable
    public static class Destination {

        @Column(name = "target_url", nullable = false, length = 2000)
        String url;

        @Column(name = "target_redacted", nullable = false)
        String redacted;

        @Column(name = "target_kind", nullable = false, length = 16)
        String kind;

        @Column(name = "signing_secret", length = 512)
        String signingSecret;

        protected Destination() {
        }

        Destination(String url, String redacted, String kind, String signingSecret) {
            this.url = url;
            this.redacted = redacted;
            this.kind = kind;
            this.signingSecret = signingSecret;
        }

        @Override
        public String toString() {
            return kind + " " + redacted;
        }
    }

    protected ScheduleEntity() {
    }

    ScheduleEntity(String id) {
        this.id = id;
    }
}
