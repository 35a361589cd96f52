package org.notebookscheduler.adapters.persistence.execution;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ExecutionResultRepository extends JpaRepository<ExecutionResultEntity, String>,
        JpaSpecificationExecutor<ExecutionResultEntity> {

    List<ExecutionResultEntity> findByScheduleIdAndTaskNameAndRunKeyOrderByAttemptAsc(String scheduleId,
            String taskName, String runKey);
}
