package org.notebookscheduler.adapters.persistence.audit;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScheduleEventRepository extends JpaRepository<ScheduleEventEntity, Long> {

    Page<ScheduleEventEntity> findByScheduleId(String scheduleId, Pageable page);

    Optional<ScheduleEventEntity> findFirstByScheduleIdAndEventTypeInOrderByIdDesc(String scheduleId,
            Collection<String> eventTypes);
}
