package org.notebookscheduler.adapters.persistence.schedule;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ScheduleRepository extends JpaRepository<ScheduleEntity, String> {

    Optional<ScheduleEntity> findByOwnerAndNameKey(String owner, String nameKey);

    /**
     * A schedule with its tasks and destinations in one statement; the tasks' upstream names and
     * parameters follow in one statement each. Read on every callback and every embedded run, where
     * each of the two statements saved is a round trip.
     */
    @EntityGraph(attributePaths = {"tasks", "destinations"})
    @Query("select s from ScheduleEntity s where s.id = :id")
    Optional<ScheduleEntity> findWhole(@Param("id") String id);

    @Query("select distinct t.schedule from ScheduleTaskEntity t where t.entityType = :type and t.entityId in :ids")
    List<ScheduleEntity> findHolding(@Param("type") String entityType, @Param("ids") Collection<String> entityIds);

    Page<ScheduleEntity> findByOwner(String owner, Pageable page);
}
