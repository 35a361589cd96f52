package org.notebookscheduler.adapters.persistence.outbox;

import java.time.LocalDateTime;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<NotificationEntity, String>,
        JpaSpecificationExecutor<NotificationEntity> {

    long countByStatus(String status);

    @Query("select count(n) from NotificationEntity n where n.status = 'PENDING' and n.nextAttemptAt <= :now")
    long countDue(@Param("now") LocalDateTime now);

    @Query("select min(n.createdAt) from NotificationEntity n where n.status = 'PENDING'")
    LocalDateTime oldestPending();

    /** The history of the rows {@link #deleteDeliveredBefore} removes; run first. */
    @Modifying
    @Query(value = "delete from notification_attempt where notification_id in (select id from notification_outbox"
            + " where status = 'DELIVERED' and delivered_at < :before)", nativeQuery = true)
    int deleteHistoryOfDeliveredBefore(@Param("before") LocalDateTime before);

    @Modifying
    @Query("delete from NotificationEntity n where n.status = 'DELIVERED' and n.deliveredAt < :before")
    int deleteDeliveredBefore(@Param("before") LocalDateTime before);
}
