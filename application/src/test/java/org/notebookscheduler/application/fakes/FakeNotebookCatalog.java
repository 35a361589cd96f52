package org.notebookscheduler.application.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.domain.schedule.EntityType;

public final class FakeNotebookCatalog implements NotebookCatalog {

    private final Map<String, Entry> entries = new HashMap<>();

    public FakeNotebookCatalog add(EntityType type, String id, String name, String owner, String latestCommit) {
        entries.put(type + ":" + id, new Entry(type, id, name, owner, latestCommit));
        return this;
    }

    @Override
    public Optional<Entry> find(EntityType type, String id) {
        return Optional.ofNullable(entries.get(type + ":" + id));
    }
}
