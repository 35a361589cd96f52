package org.notebookscheduler.adapters.persistence.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScheduleEventRepository extends JpaRepository<ScheduleEventEntity, Long> {

    Page<ScheduleEventEntity> findByScheduleId(String scheduleId, Pageable page);
}
