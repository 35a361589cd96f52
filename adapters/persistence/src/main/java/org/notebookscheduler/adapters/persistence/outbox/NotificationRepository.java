package org.notebookscheduler.adapters.persistence.outbox;

import java.time.LocalDateTime;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<NotificationEntity, String>,
        JpaSpecificationExecutor<NotificationEntity> {

    @Modifying
    @Query("delete from NotificationEntity n where n.status = 'DELIVERED' and n.deliveredAt < :before")
    int deleteDeliveredBefore(@Param("before") LocalDateTime before);
}
