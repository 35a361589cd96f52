package org.notebookscheduler.application.port.out;

import java.util.List;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.schedule.Schedule;

/** How what an engine holds for a schedule differs from the schedule as stored here. */
public interface EngineDrift {

    /**
     * Each change names the field, what the store says and what the engine holds; empty when they
     * agree. A schedule whose remote definition is gone shows as a change of
     * {@code remote.definition} to null.
     */
    List<FieldChange> of(Schedule schedule);
}
