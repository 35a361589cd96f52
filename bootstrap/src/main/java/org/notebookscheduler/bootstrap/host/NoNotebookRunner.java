package org.notebookscheduler.bootstrap.host;

import java.time.Instant;
import org.notebookscheduler.application.port.out.NotebookRunner;

/**
 * Without a host there is no engine to run a notebook on: every run fails, saying so, and is
 * recorded and notified like any failed run. The host replaces it with its runner.
 */
public final class NoNotebookRunner implements NotebookRunner {

    @Override
    public Outcome run(Request request) {
        Instant now = Instant.now();
        return new Outcome(false, request.owner(), now, now,
                "no notebook engine: the host application provides a NotebookRunner to run "
                        + request.entity().type().wireName() + " " + request.entity().id());
    }

    @Override
    public String toString() {
        return "no runner (notebook.scheduler.runner.kind=NONE and no NotebookRunner from the host)";
    }
}
