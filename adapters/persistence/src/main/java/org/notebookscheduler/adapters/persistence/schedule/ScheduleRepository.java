package org.notebookscheduler.adapters.persistence.schedule;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The derived finders only. Queries written out in JPQL live in {@link JpaScheduleStore}: a
 * repository's {@code @Query} is parsed twice (Spring Data's grammar, then Hibernate's) when the
 * repository is created, which put most of a second on the app's start; Hibernate alone interprets
 * them on first use and caches them.
 */
public interface ScheduleRepository extends JpaRepository<ScheduleEntity, String> {

    Optional<ScheduleEntity> findByOwnerAndNameKey(String owner, String nameKey);

    Page<ScheduleEntity> findByOwner(String owner, Pageable page);
}
