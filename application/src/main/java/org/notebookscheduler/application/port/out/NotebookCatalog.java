package org.notebookscheduler.application.port.out;

import java.util.Optional;
import org.notebookscheduler.domain.schedule.EntityType;

/** Implemented by the host: what it knows of a notebook or workflow. */
public interface NotebookCatalog {

    Optional<Entry> find(EntityType type, String id);

    /** @param latestCommit null when the host does not version the entity */
    record Entry(EntityType type, String id, String name, String owner, String latestCommit) {
    }
}
