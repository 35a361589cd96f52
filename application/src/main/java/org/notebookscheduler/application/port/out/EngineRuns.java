package org.notebookscheduler.application.port.out;

import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;

/** A schedule's runs as its engine knows them, and the commands that steer one. */
public interface EngineRuns {

    /** Newest first. */
    Page<Run> page(RemoteRef ref, PageRequest page);

    /** Throws an {@link EngineException} with {@code NOT_FOUND} when the run is not one of {@code ref}'s. */
    RunDetail detail(RemoteRef ref, RunId runId);

    /** What one task attempt of the run wrote (for the embedded engine, what the runner returned). */
    String taskLog(RemoteRef ref, RunId runId, String taskRunId);

    void command(RemoteRef ref, RunId runId, RunCommand command);
}
