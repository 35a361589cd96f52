package org.notebookscheduler.adapters.persistence.outbox;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Derived finders and specifications only; see {@code ScheduleRepository} for why no {@code @Query}. */
public interface NotificationRepository extends JpaRepository<NotificationEntity, String>,
        JpaSpecificationExecutor<NotificationEntity> {

    long countByStatus(String status);
}
