package org.notebookscheduler.bare;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The bare app's repository. A top-level interface: Spring Data's scanning skips repositories nested
 * in another class, so as {@code BareApp.Notes} it was never created and the baseline paid nothing
 * for Spring Data's repository start-up.
 */
public interface Notes extends JpaRepository<BareApp.Note, Long> {
}
